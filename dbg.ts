import { startRelayCluster } from './testing/relay-cluster.js';
import { nodeTerminal, waitOpen } from './testing/relay-server.js';
const rig = await startRelayCluster(2);
const [a, b] = rig.nodes as any;
const mode = process.argv[2];
try {
 for (let round = 0; round < 4; round++) {
  const s = await rig.createSession(a);
  const pc = nodeTerminal(s.urlOn(a, 'pc'), 'pc'); pc.client.start();
  const phone = nodeTerminal(s.urlOn(b, 'phone'), 'phone'); phone.client.start();
  await waitOpen(pc); await waitOpen(phone);
  const got = { pc: 0, phone: 0 };
  for (const [n, t] of [['pc', pc], ['phone', phone]] as const) {
    t.client.on('status', (x: any, d: any) => console.log(Date.now() % 100000, n, 'status', x, d));
    t.client.on('message', () => got[n]++);
  }
  if (mode === 'redis') {
    await rig.redis.restart({ hard: true });
    console.log(Date.now() % 100000, 'restarted');
    void pc.client.send({ type: 'data.text', text: 'pc-after' }).catch((e) => console.log('pc send', e.message));
    void phone.client.send({ type: 'data.text', text: 'phone-after' }).catch((e) => console.log('phone send', e.message));
  } else {
    const sends = [];
    for (let i = 1; i <= 1000; i++) {
      sends.push(pc.client.send({ type: 'data.text', text: `pc-${i}` }));
      sends.push(phone.client.send({ type: 'data.text', text: `phone-${i}` }));
      if (i === 400) { while (got.pc < 100 || got.phone < 100) await new Promise((r) => setTimeout(r, 10)); await b.kill(); console.log('killed'); }
      if (i === 600) { await b.restart(); console.log('restarted'); }
    }
    await Promise.allSettled(sends);
  }
  await new Promise((r) => setTimeout(r, 3000));
  console.log('round', round, got);
  pc.client.close(); phone.client.close();
 }
} finally {
  for (const n of rig.nodes) console.log(n.id, n.output().split("\n").filter((l) => !l.includes("\"level\":30")).join("\n").slice(-3000));
  await rig.stop();
}
