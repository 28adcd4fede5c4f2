import { commandEnvironment } from './command-process';

describe('commandEnvironment', () => {
  it('should pass only PATH, the locale and TZ of the server when the server holds secrets', () => {
    const server = { PATH: '/usr/bin', LANG: 'C.UTF-8', TZ: 'Asia/Tehran', HOME: '/root', ADMIN_PASSWORD: 'secret', HAMGAM_SECRET_KEY: 'k' };

    expect(commandEnvironment(server, { DB_NAME: 'x' }, { HAMGAM_RUN_ID: '7' })).toEqual({
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      TZ: 'Asia/Tehran',
      DB_NAME: 'x',
      HAMGAM_RUN_ID: '7',
    });
  });

  it('should keep the run variables when configuration names the same ones', () => {
    expect(commandEnvironment({}, { PATH: '/opt/bin', HAMGAM_RUN_ID: 'forged' }, { HAMGAM_RUN_ID: '7' })).toEqual({ PATH: '/opt/bin', HAMGAM_RUN_ID: '7' });
  });
});
