/**
 * Passwords that lead every leaked-password list (SecLists' most common, Have I Been Pwned's top entries), in lower
 * case, with the long ones that pass a length rule (keyboard runs, digit runs, a word and a year) and a few that a
 * Hamgam deployment would try first. Checked case-insensitively by `password-policy.ts`; a short list on purpose:
 * the length rule does most of the work, this catches the obvious guesses that are long enough.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty', '123123', '111111', '12345', '1234567890', '1234567',
  'password1', 'iloveyou', '000000', 'qwerty123', 'abc123', 'admin', 'letmein', 'welcome', 'monkey', 'dragon',
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1234512345', '123412341234', '123123123123',
  '111111111111', '000000000000', '999999999999', '112233445566', '121212121212', '098765432109', '987654321098',
  '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsxcde3', 'zaq1zaq1zaq1',
  'qwertyuiop', 'qwertyuiop12', 'qwertyuiop123', 'qwertyuiop1234', 'qwertyuiopasdf', 'asdfghjkl123', 'asdfghjkl;\'',
  'qwerty123456', 'qwerty1234567', 'qwertyqwerty', 'qweasdzxc123', 'qweqweqweqwe', 'asdasdasdasd', 'zxcvbnm12345',
  'zxcvbnm123456', 'asdfasdfasdf', 'qazwsxedcrfv', 'qazwsxedc123', '1qazxsw23edc', 'abcdefghijkl', 'abc123abc123',
  'abcd1234abcd', 'a1b2c3d4e5f6', 'aaaaaaaaaaaa', 'abcabcabcabc', 'password1234', 'password12345', 'password123456',
  'password123!', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'p@ssw0rd123!', 'passwordpassword',
  'mypassword123', 'newpassword123', 'changeme1234', 'changeme123!', 'changemenow!', 'letmein12345', 'letmeinplease',
  'welcome12345', 'welcome123456', 'welcome@1234', 'welcometo2024', 'iloveyou1234', 'iloveyou12345', 'iloveyouforever',
  'administrator', 'administrator1', 'admin1234567', 'admin123456789', 'adminadmin12', 'adminadminadmin', 'admin@123456',
  'superadmin123', 'rootpassword', 'root12345678', 'toor12345678', 'default12345', 'guest1234567', 'testtesttest',
  'test12345678', 'test123456789', 'football1234', 'baseball1234', 'basketball12', 'sunshine1234', 'princess1234',
  'starwars1234', 'trustno1trustno1', 'whatever1234', 'computer1234', 'internet1234', 'michael12345', 'jennifer1234',
  'superman1234', 'batman123456', 'pokemon12345', 'minecraft123', 'blink1821821', 'liverpool123', 'chelsea12345',
  'manchester12', 'barcelona123', 'realmadrid12', 'persepolis12', 'esteghlal123', 'iran12345678', 'tehran123456',
  'tehran1234567', 'irani1234567', 'mohammad1234', 'mohammad12345', 'ali123456789', 'hossein12345', 'reza12345678',
  'fatemeh12345', 'zahra1234567', 'maryam123456', 'university12', 'university123', 'university2024', 'university2025',
  'university2026', 'student12345', 'teacher12345', 'daneshgah123', 'golestan1234', 'golestan12345', 'moodle123456',
  'moodlemoodle', 'hamgam123456', 'hamgamhamgam', 'hamgam@12345', 'password2023', 'password2024', 'password2025',
  'password2026', 'password@123', 'password@1234', 'password!123', 'summer2024!!', 'winter2024!!', 'spring2025!!',
  'autumn2025!!', 'january2025!', 'qwerty@12345', 'qwerty!12345', '!qaz@wsx#edc', '1q2w3e4r!q@w#e$r', '!@#$%^&*()_+',
  '!@#$%^&*()12', '1234qwerasdf', '1234qwerasdfzxcv', 'qwer1234asdf', '123qwe123qwe', '123qweasdzxc', 'q1w2e3r4t5y6',
  'q1w2e3r4t5y6u7', 'a1s2d3f4g5h6', 'z1x2c3v4b5n6', '147258369147', '159357159357', '147852369874', '963852741963',
  'correcthorsebatterystaple', 'thequickbrownfox', 'opensesame123', 'secret123456', 'secretpassword', 'mysecret1234',
]);
