import { render } from 'preact';
import { App } from './app.js';
import { installTokens } from './theme/console-theme.js';
import './styles.css';

installTokens();
render(<App />, document.getElementById('app')!);
