// RSS, Atom and RDF documents → articles.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFeed, parseFeedDate } from "../../src/ingest/feed";
import { IngestError } from "../../src/ingest/types";
import { ingestError } from "../support/errors";

const RSS = readFileSync(new URL("../fixtures/feeds/euphrates-desk.rss", import.meta.url), "utf8");
const CHANNEL = "مكتب الفرات — أخبار (نموذج اختبار)";

describe("the RSS fixture", () => {
  const feed = parseFeed(RSS);

  it("gives the channel and its four items in order", () => {
    expect(feed.title).toBe(CHANNEL);
    expect(feed.link).toBe("https://news.example.org/");
    expect(feed.items.map((i) => i.title)).toEqual([
      "استهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا",
      "عاجل | انفجار قرب معبر البوكمال الحدودي",
      "Water station in al-Hasakah back online & serving 400,000 people",
      "أسعار الخبز ترتفع في ريف دير الزور الشرقي",
    ]);
    for (const item of feed.items) expect(item.source).toBe(CHANNEL);
  });

  it("reads guids, links, dates (ms) and authors", () => {
    expect(feed.items.map((i) => i.guid)).toEqual([
      "euphrates-desk-10231",
      "euphrates-desk-10232",
      "https://news.example.org/en/2022/01/04/alouk-station",
      "euphrates-desk-10229",
    ]);
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://news.example.org/2022/01/05/omar-field-rockets",
      "https://news.example.org/2022/01/05/bukamal-blast",
      "https://news.example.org/en/2022/01/04/alouk-station",
      "https://news.example.org/2022/01/04/bread-prices",
    ]);
    expect(feed.items.map((i) => i.publishedAt)).toEqual([
      Date.UTC(2022, 0, 5, 5, 15),
      Date.UTC(2022, 0, 5, 6, 20),
      Date.UTC(2022, 0, 4, 14, 0),
      Date.UTC(2022, 0, 4, 9, 45),
    ]);
    expect(feed.items[0]?.author).toBe("مراسل دير الزور");
    expect(feed.items[1]?.author).toBeUndefined();
  });

  it("prefers content:encoded and converts HTML to paragraphs", () => {
    expect(feed.items[0]?.body).toBe(
      "استهدفت ثمانية صواريخ محيط قاعدة التحالف الدولي المتواجدة بحقل العمر النفطي صباح اليوم، وفق مصادر من التحالف." +
        "\n\nووفق المصدر أُطلقت الصواريخ من غرب مدينة الميادين، وأصابت أحد المساجد بأضرار مادية.",
    );
    expect(feed.items[2]?.body).toBe(
      "Engineers restored pumping at the station near Al-Hasakah; residents of Hasakah city report water returning after 10 days.\nMore to follow.",
    );
  });

  it("lets no script, tag or entity reach a body", () => {
    expect(feed.items[3]?.body).toBe(
      "ارتفع سعر ربطة الخبز في بلدات هجين والشحيل وذيبان إلى 1500 ليرة سورية.",
    );
    for (const item of feed.items) {
      expect(item.body).not.toMatch(/<|>|alert\(1\)|&amp;|&lt;/);
      expect(item.title).not.toMatch(/<|>|&amp;/);
      expect(item.body).not.toBe("");
    }
  });
});

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Euphrates Desk (Atom)</title>
  <link rel="self" href="https://news.example.org/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://news.example.org/"/>
  <id>urn:uuid:desk</id>
  <updated>2022-01-05T09:30:00+03:00</updated>
  <author><name>Euphrates Desk</name></author>
  <entry>
    <title type="html">Rockets hit &lt;b&gt;Omar&lt;/b&gt; field &amp;amp; base</title>
    <link rel="alternate" type="text/html" href="/2022/01/05/omar?utm_medium=atom&amp;id=1#top"/>
    <link rel="edit" href="https://news.example.org/edit/1"/>
    <id>urn:uuid:entry-1</id>
    <published>2022-01-05T08:15:00+03:00</published>
    <updated>2022-01-05T10:00:00+03:00</updated>
    <author><name>Deir ez-Zor correspondent</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;Eight rockets hit the base.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;No casualties.&lt;/p&gt;&lt;p&gt;Share this article:&lt;/p&gt;&lt;p&gt;Facebook&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain &lt; text title</title>
    <id>urn:uuid:entry-2</id>
    <updated>2022-01-06T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second <b>bold</b>.</p></div></content>
  </entry>
  <entry>
    <id>urn:uuid:entry-3</id>
    <updated>2022-01-07T00:00:00Z</updated>
    <summary>An entry with no title, only this summary.</summary>
  </entry>
  <entry>
    <id>urn:uuid:entry-empty</id>
    <updated>2022-01-07T00:00:00Z</updated>
  </entry>
</feed>`;

describe("an Atom feed", () => {
  const feed = parseFeed(ATOM);

  it("reads the feed and its entries", () => {
    expect(feed.title).toBe("Euphrates Desk (Atom)");
    expect(feed.link).toBe("https://news.example.org/");
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toEqual({
      title: "Rockets hit Omar field & base",
      body: "Eight rockets hit the base.\n\nNo casualties.",
      url: "https://news.example.org/2022/01/05/omar?id=1",
      guid: "urn:uuid:entry-1",
      publishedAt: Date.UTC(2022, 0, 5, 5, 15),
      author: "Deir ez-Zor correspondent",
      source: "Euphrates Desk (Atom)",
    });
  });

  it("reads xhtml content, plain-text titles, updated as the date and the feed's author", () => {
    expect(feed.items[1]).toEqual({
      title: "Plain < text title",
      body: "First.\n\nSecond bold.",
      guid: "urn:uuid:entry-2",
      publishedAt: Date.UTC(2022, 0, 6),
      author: "Euphrates Desk",
      source: "Euphrates Desk (Atom)",
    });
  });

  it("titles an entry that has only a body from its text, and skips an empty one", () => {
    expect(feed.items[2]?.title).toBe("An entry with no title, only this summary.");
    expect(feed.items[2]?.body).toBe("An entry with no title, only this summary.");
    expect(feed.items.map((i) => i.guid)).not.toContain("urn:uuid:entry-empty");
  });
});

describe("other feed shapes", () => {
  it("reads RDF (RSS 1.0) with dc:date and dc:creator", () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example/"><title>R desk</title><link>https://r.example/</link><description>d</description></channel>
  <item rdf:about="https://r.example/1"><title>R1</title><link>https://r.example/1?fbclid=x</link><description>&lt;p&gt;text&lt;/p&gt;</description><dc:date>2022-01-05T08:15:00+03:00</dc:date><dc:creator>Ali</dc:creator></item>
</rdf:RDF>`;
    expect(parseFeed(rdf)).toEqual({
      title: "R desk",
      link: "https://r.example/",
      items: [
        {
          title: "R1",
          body: "text",
          url: "https://r.example/1",
          guid: "https://r.example/1",
          publishedAt: Date.UTC(2022, 0, 5, 5, 15),
          author: "Ali",
          source: "R desk",
        },
      ],
    });
  });

  it("resolves relative links, takes a permalink guid as the link, tolerates a bare &", () => {
    const rss = `<rss version="2.0"><channel><title>Bread & salt</title><link>https://n.example/news/</link>
      <item><title>Relative</title><link>../2022/a</link><description>x</description></item>
      <item><title>Guid only</title><guid>https://n.example/2022/b?utm_source=rss</guid><description>y</description></item>
      <item><title>Not a link</title><guid isPermaLink="false">id-3</guid><description>z</description></item>
    </channel></rss>`;
    const feed = parseFeed(rss);
    expect(feed.title).toBe("Bread & salt");
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://n.example/2022/a",
      "https://n.example/2022/b",
      undefined,
    ]);
  });

  it("keeps CDATA text as HTML and decodes entities once", () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><title><![CDATA[A &amp; <b>B</b>]]></title><description>&lt;p&gt;x &amp;amp; y&lt;/p&gt;</description><author>desk@n.example (Desk)</author></item>
    </channel></rss>`;
    expect(parseFeed(rss).items[0]).toEqual({ title: "A & B", body: "x & y", author: "Desk", source: "T" });
  });

  it("trusts an Atom title declared as text, even when it looks like markup", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title type="text">Why &lt;script&gt; tags matter</title><id>1</id><updated>2022-01-05T00:00:00Z</updated>
      <content type="text">Use &lt;p&gt; for paragraphs.</content></entry></feed>`;
    expect(parseFeed(atom).items[0]).toMatchObject({
      title: "Why <script> tags matter",
      body: "Use <p> for paragraphs.",
    });
  });

  it("gives an empty item list for a feed with no items", () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Empty</title></channel></rss>')).toEqual({
      title: "Empty",
      items: [],
    });
  });
});

describe("bad documents", () => {
  it.each([
    ["", /^not an RSS or Atom feed: the document is empty$/],
    ["just some text", /^not an RSS or Atom feed: it does not start with XML/],
    ["<html><body><p>hi</p></body></html>", /^not an RSS or Atom feed: its root element is <html>/],
    [
      '<?xml version="1.0"?>\n<!-- x -->\n<catalog><book/></catalog>',
      /^not an RSS or Atom feed: its root element is <catalog>/,
    ],
    ['[{"title":"a","body":"b"}]', /^not an RSS or Atom feed/],
    [
      '<rss version="2.0"><channel><title>T</title><item><title>x</titel></item></channel></rss>',
      /^malformed XML: /,
    ],
    [
      '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>cut off',
      /^malformed XML: /,
    ],
    ['<rss version="2.0"></rss>', /^not an RSS or Atom feed: /],
  ])("%j throws a one-line IngestError", (text, message) => {
    expect(ingestError(() => parseFeed(text)).message).toMatch(message);
  });

  it("does not expand entities declared in a DOCTYPE", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>T</title><item><title>&b;</title><description>d</description></item></channel></rss>`;
    let title = "";
    try {
      title = parseFeed(xml).items[0]?.title ?? "";
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
    }
    expect(title).not.toContain("aaaaaaaaaa");
  });

  it("reads odd but valid input: RTL marks, emoji, a 1 MB item", () => {
    const big = "<p>فقرة عن دير الزور.</p>".repeat(40_000);
    const rss = `\ufeff<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>\u200fمكتب 🚨</title>
      <item><title>\u200fعاجل 🚨 خبر</title><description><![CDATA[${big}]]></description></item></channel></rss>`;
    expect(rss.length).toBeGreaterThan(1_000_000);
    const feed = parseFeed(rss);
    expect(feed.title).toBe("\u200fمكتب 🚨");
    expect(feed.items[0]?.title).toBe("\u200fعاجل 🚨 خبر");
    expect(feed.items[0]?.body.split("\n\n")).toHaveLength(40_000);
  });
});

describe("parseFeedDate", () => {
  it.each([
    ["Wed, 05 Jan 2022 08:15:00 +0300", Date.UTC(2022, 0, 5, 5, 15)],
    ["Wed, 05 Jan 2022 05:15:00 GMT", Date.UTC(2022, 0, 5, 5, 15)],
    ["2022-01-05T08:15:00+03:00", Date.UTC(2022, 0, 5, 5, 15)],
    ["2022-01-05T05:15:00", Date.UTC(2022, 0, 5, 5, 15)],
    ["Wed, 05 Jan 2022 05:15:00", Date.UTC(2022, 0, 5, 5, 15)],
    ["5 Jan 2022 05:15", Date.UTC(2022, 0, 5, 5, 15)],
    ["٢٠٢٢-٠١-٠٥T05:15:00Z", Date.UTC(2022, 0, 5, 5, 15)],
    ["not a date", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j", (raw, ms) => {
    expect(parseFeedDate(raw)).toBe(ms);
  });
});
