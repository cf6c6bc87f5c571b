/** What `npm run hash-password` prints: scrypt, its cost parameters, salt and hash (base64url). Never a password. */
export const PASSWORD_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/;
