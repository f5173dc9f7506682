// `npm run settings`: writes what settings.ts defines into package.json (contributes.configuration),
// package.nls.json / package.nls.zh-cn.json (the entries it owns) and
// schemas/workreportrc.schema.json. test/unit/settings.test.ts fails until this has run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contributedConfiguration, nlsEntries, rcSchema } from '../server/src/core/config/settings-json';
import { ROOT } from '../test/paths';

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const write = (file: string, value: unknown) => {
  fs.writeFileSync(path.join(ROOT, file), JSON.stringify(value, null, 2) + '\n');
  console.log(`wrote ${file}`);
};

const pkg = json('package.json');
pkg.contributes.configuration = contributedConfiguration();
write('package.json', pkg);
for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']] as const) {
  const nls = json(file);
  const owned = nlsEntries(locale);
  // Keys the settings no longer own (a removed rule, setting or enum value) go.
  for (const k of Object.keys(nls)) if (/^(?:config|rule|severity)\./.test(k) && !(k in owned)) delete nls[k];
  write(file, { ...nls, ...owned });
}
write('schemas/workreportrc.schema.json', rcSchema());
