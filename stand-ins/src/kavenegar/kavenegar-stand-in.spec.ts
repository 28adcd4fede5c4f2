import { startKavenegarStandIn, type KavenegarStandIn } from './kavenegar-stand-in';

describe('Kavenegar stand-in', () => {
  let gateway: KavenegarStandIn;

  beforeEach(async () => {
    gateway = await startKavenegarStandIn({ apiKey: 'key-123' });
  });

  afterEach(() => gateway.close());

  const send = (key: string, form: Record<string, string>) =>
    fetch(`${gateway.url}/v1/${key}/sms/send.json`, { method: 'POST', body: new URLSearchParams(form) });

  it('should accept a message to every receptor and record it when the key is right', async () => {
    const response = await send('key-123', { receptor: '09121234567,09351234567', sender: '10004346', message: 'سلام' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { return: { status: number }; entries: { receptor: string }[] };
    expect(body.return.status).toBe(200);
    expect(body.entries.map((entry) => entry.receptor)).toEqual(['09121234567', '09351234567']);
    expect(gateway.messages).toEqual([expect.objectContaining({ receptor: ['09121234567', '09351234567'], sender: '10004346', message: 'سلام' })]);
  });

  it('should answer 401 and record nothing when the key is wrong', async () => {
    const response = await send('other', { receptor: '09121234567', sender: '1', message: 'x' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { return: { status: number } }).return.status).toBe(401);
    expect(gateway.messages).toEqual([]);
  });

  it('should answer 502 for the sends asked to fail, then accept again', async () => {
    gateway.failNext(1);
    expect((await send('key-123', { receptor: '09121234567', sender: '1', message: 'x' })).status).toBe(502);
    expect((await send('key-123', { receptor: '09121234567', sender: '1', message: 'x' })).status).toBe(200);
    expect(gateway.messages).toHaveLength(1);
  });
});
