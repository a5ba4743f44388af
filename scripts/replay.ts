// Runs the replay server standalone: `npx tsx scripts/replay.ts [--port N] [--verbose]`.
// Prints the Chromium switches that send 12306, Fliggy and the TOP gateway to it.

import { hostResolverRules, startReplay } from '../test/replay/server';
import { chromePath, chinaTomorrow, railSearchUrl, fliggySearchUrl, EXTENSION_DIR } from '../test/e2e/harness';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;

const replay = await startReplay({ verbose: args.includes('--verbose'), ...(port ? { port } : {}) });
const date = chinaTomorrow();
console.log(`replay server on https://127.0.0.1:${replay.port} (kyfw.12306.cn, www.12306.cn, sjipiao.fliggy.com, gw.api.taobao.com)`);
console.log('\nstart Chromium with:');
console.log(`  ${chromePath()} --user-data-dir=$(mktemp -d) --ignore-certificate-errors \\`);
console.log(`    --host-resolver-rules="${hostResolverRules(replay.port)}" \\`);
console.log(`    --load-extension=${EXTENSION_DIR} \\`);
console.log(`    '${railSearchUrl({ from: ['北京', 'BJP'], to: ['上海', 'SHH'], date })}' \\`);
console.log(`    '${fliggySearchUrl({ depCity: 'BJS', arrCity: 'SHA', date })}'`);
console.log('\nCtrl-C to stop.');

const stop = async () => {
  await replay.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
