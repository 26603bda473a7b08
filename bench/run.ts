// `npm run bench`: prints figures; never fails on timing. Sections: articles, delivery, alerts,
// digests, hostile, floods, outside, scale, photos, corrections. `npm run bench -- articles` runs one section.
import { benchAlerts } from "./alerts";
import { benchArticles } from "./articles";
import { benchCorrections } from "./corrections";
import { benchDelivery } from "./delivery";
import { benchDigests } from "./digests";
import { benchFloods } from "./floods";
import { benchHostile } from "./hostile";
import { benchOutside } from "./outside";
import { benchPhotos } from "./photos";
import { printFigures } from "./report";
import { benchScale } from "./scale";

const sections: Record<string, () => Promise<Parameters<typeof printFigures>[1]>> = {
  articles: benchArticles,
  delivery: benchDelivery,
  alerts: benchAlerts,
  digests: benchDigests,
  hostile: benchHostile,
  floods: benchFloods,
  outside: benchOutside,
  scale: benchScale,
  photos: benchPhotos,
  corrections: benchCorrections,
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
console.log(`Nashra benchmarks · node ${process.version} · ${new Date().toISOString()}`);
for (const name of wanted.length ? wanted : Object.keys(sections)) {
  printFigures(name, await (sections[name] as () => Promise<Parameters<typeof printFigures>[1]>)());
}
console.log(`\npeak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
