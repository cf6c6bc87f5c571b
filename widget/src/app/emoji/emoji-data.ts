/*
 * The emoji the picker offers, with their CLDR short names (the accessible name of each button,
 * and what search matches). Loaded only when a visitor first opens the picker.
 * Each group is "emoji name" pairs separated by "|".
 */
const GROUPS: [string, string][] = [
  [
    'Smileys',
    '😀 grinning face|😃 grinning face with big eyes|😄 grinning face with smiling eyes|😁 beaming face|😆 laughing face|😅 grinning face with sweat|😂 face with tears of joy|🙂 slightly smiling face|🙃 upside-down face|😉 winking face|😊 smiling face with smiling eyes|😇 smiling face with halo|🥰 smiling face with hearts|😍 smiling face with heart-eyes|🤩 star-struck|😘 face blowing a kiss|😋 face savoring food|😛 face with tongue|😜 winking face with tongue|🤪 zany face|🤗 hugging face|🤭 face with hand over mouth|🤫 shushing face|🤔 thinking face|🤐 zipper-mouth face|🤨 face with raised eyebrow|😐 neutral face|😑 expressionless face|😶 face without mouth|😏 smirking face|😒 unamused face|🙄 face with rolling eyes|😬 grimacing face|😌 relieved face|😔 pensive face|😪 sleepy face|😴 sleeping face|😷 face with medical mask|🤒 face with thermometer|🤧 sneezing face|🥵 hot face|🥶 cold face|😵 face with crossed-out eyes|🤯 exploding head|🥳 partying face|😎 smiling face with sunglasses|🤓 nerd face|😕 confused face|😟 worried face|🙁 slightly frowning face|😮 face with open mouth|😯 hushed face|😲 astonished face|😳 flushed face|🥺 pleading face|😦 frowning face with open mouth|😧 anguished face|😨 fearful face|😰 anxious face with sweat|😥 sad but relieved face|😢 crying face|😭 loudly crying face|😱 face screaming in fear|😖 confounded face|😣 persevering face|😞 disappointed face|😓 downcast face with sweat|😩 weary face|😫 tired face|🥱 yawning face|😤 face with steam from nose|😡 enraged face|😠 angry face',
  ],
  [
    'People',
    '👋 waving hand|🤚 raised back of hand|✋ raised hand|👌 OK hand|🤌 pinched fingers|✌️ victory hand|🤞 crossed fingers|🤟 love-you gesture|🤘 sign of the horns|🤙 call me hand|👈 backhand index pointing left|👉 backhand index pointing right|👆 backhand index pointing up|👇 backhand index pointing down|👍 thumbs up|👎 thumbs down|✊ raised fist|👏 clapping hands|🙌 raising hands|👐 open hands|🤝 handshake|🙏 folded hands|💪 flexed biceps|👀 eyes|🧠 brain|🙋 person raising hand|🤷 person shrugging|🤦 person facepalming|🙆 person gesturing OK|🙅 person gesturing no',
  ],
  [
    'Hearts and symbols',
    '❤️ red heart|🧡 orange heart|💛 yellow heart|💚 green heart|💙 blue heart|💜 purple heart|🖤 black heart|🤍 white heart|💔 broken heart|💕 two hearts|💯 hundred points|✅ check mark button|✔️ check mark|❌ cross mark|❓ red question mark|❗ red exclamation mark|⚠️ warning|🔥 fire|✨ sparkles|⭐ star|🌟 glowing star|💡 light bulb|🎉 party popper|🎁 wrapped gift|🏆 trophy|👑 crown|💬 speech balloon|💤 zzz',
  ],
  [
    'Nature and food',
    '🐶 dog face|🐱 cat face|🐭 mouse face|🐰 rabbit face|🦊 fox|🐻 bear|🐼 panda|🐨 koala|🐯 tiger face|🦁 lion|🐸 frog|🐵 monkey face|🐧 penguin|🐦 bird|🦄 unicorn|🐝 honeybee|🦋 butterfly|🌸 cherry blossom|🌹 rose|🌻 sunflower|🌳 deciduous tree|🌵 cactus|☀️ sun|🌈 rainbow|☔ umbrella with rain drops|❄️ snowflake|🍎 red apple|🍌 banana|🍓 strawberry|🍕 pizza|🍔 hamburger|🍟 french fries|🌮 taco|🍣 sushi|🍰 shortcake|🎂 birthday cake|🍪 cookie|🍫 chocolate bar|☕ hot beverage|🍵 teacup without handle|🍺 beer mug|🍷 wine glass',
  ],
  [
    'Activities and travel',
    '⚽ soccer ball|🏀 basketball|🎾 tennis|🚴 person biking|🏃 person running|🎮 video game|🎵 musical note|🎬 clapper board|📷 camera|🚗 automobile|🚲 bicycle|🚌 bus|🚆 train|✈️ airplane|🚀 rocket|🏠 house|🏢 office building|🏖️ beach with umbrella|⛰️ mountain|🗺️ world map|⏰ alarm clock|⌛ hourglass done|📅 calendar|📦 package|🛒 shopping cart|💳 credit card|💰 money bag|📱 mobile phone|💻 laptop|🖨️ printer|📎 paperclip|✏️ pencil|📝 memo|📌 pushpin|🔒 locked|🔑 key|🔧 wrench|🛠️ hammer and wrench|📞 telephone receiver|📧 e-mail',
  ],
];

export type EmojiGroup = { name: string; emoji: { char: string; name: string }[] };

export const EMOJI_GROUPS: EmojiGroup[] = GROUPS.map(([name, list]) => ({
  name,
  emoji: list.split('|').map((entry) => {
    const space = entry.indexOf(' ');
    return { char: entry.slice(0, space), name: entry.slice(space + 1) };
  }),
}));
