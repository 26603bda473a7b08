// A feed item's picture (docs/feeds.md, "Pictures"): an image enclosure, else a media:content image (the default
// first, inside media:group too), else a media:thumbnail; relative URLs resolved; anything not an image ignored.
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed";
import { parseJsonArticles } from "../../src/ingest/json";
import { ingestError } from "../support/errors";

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>مكتب الفرات</title>
    <link>https://news.example.org/</link>
    ${items}
  </channel>
</rss>`;

const item = (guid: string, extra: string) => `
    <item>
      <title>انفجار قرب معبر البوكمال الحدودي</title>
      <link>https://news.example.org/2022/01/05/${guid}</link>
      <guid isPermaLink="false">${guid}</guid>
      <description>هز انفجار عنيف محيط معبر البوكمال الحدودي صباح اليوم.</description>
      ${extra}
    </item>`;

describe("a feed item's picture", () => {
  it("is read from an enclosure, media:content, media:group or media:thumbnail", () => {
    const feed = parseFeed(
      rss(
        [
          item("a", '<enclosure url="https://cdn.example.org/a.jpg" length="52000" type="image/jpeg"/>'),
          item(
            "b",
            `<media:content url="https://cdn.example.org/b-small.jpg" medium="image" width="320"/>
             <media:content url="https://cdn.example.org/b.jpg" medium="image" isDefault="true"/>`,
          ),
          item(
            "c",
            '<media:group><media:content url="https://cdn.example.org/c.png" type="image/png"/></media:group>',
          ),
          item("d", '<media:thumbnail url="/thumbs/d.webp"/>'),
          item("e", '<enclosure url="https://cdn.example.org/e.mp3" length="1000" type="audio/mpeg"/>'),
          item("f", '<media:content url="https://cdn.example.org/f.mp4" medium="video"/>'),
          item("g", ""),
        ].join(""),
      ),
    );
    expect(feed.items.map((i) => i.image)).toEqual([
      "https://cdn.example.org/a.jpg",
      "https://cdn.example.org/b.jpg",
      "https://cdn.example.org/c.png",
      "https://news.example.org/thumbs/d.webp",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("is read from an Atom enclosure link", () => {
    const feed = parseFeed(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>مكتب الفرات</title>
  <link href="https://news.example.org/"/>
  <id>urn:euphrates</id>
  <updated>2022-01-05T05:15:00Z</updated>
  <entry>
    <title>عودة محطة علوك إلى العمل</title>
    <link href="https://news.example.org/alouk"/>
    <link rel="enclosure" type="image/jpeg" href="https://cdn.example.org/alouk.jpg"/>
    <id>urn:alouk</id>
    <updated>2022-01-05T05:15:00Z</updated>
    <summary>عادت محطة مياه علوك إلى الضخ بعد توقف دام ثلاثة أسابيع.</summary>
  </entry>
</feed>`);
    expect(feed.items[0]?.image).toBe("https://cdn.example.org/alouk.jpg");
  });
});

describe("a JSON import's image", () => {
  it("is kept as an absolute http(s) URL", () => {
    const [article] = parseJsonArticles(
      JSON.stringify([{ title: "عنوان", body: "نص الخبر.", image: "https://cdn.example.org/x.jpg?w=1280" }]),
    );
    expect(article?.image).toBe("https://cdn.example.org/x.jpg?w=1280");
  });

  it("names the item when it is not a URL, and imports nothing", () => {
    expect(
      ingestError(() => parseJsonArticles(JSON.stringify([{ title: "عنوان", body: "نص", image: "x.jpg" }])))
        .message,
    ).toMatch(/^item 0: image is not an absolute http\(s\) URL: x\.jpg$/);
  });
});
