// HTML → plain text for feed items.
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "../../src/ingest/html";

describe("htmlToText", () => {
  it.each([
    ["<p>أولى.</p><p>ثانية.</p>", "أولى.\n\nثانية."],
    ["a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", "a & b <c> \"d\" 'e'"],
    ["&#1583;&#1610;&#1585; &#x627;&#x644;&#x632;&#x648;&#x631;", "دير الزور"],
    ["10&nbsp;km&nbsp;&nbsp;away", "10 km away"],
    ["&mdash; &hellip; &laquo;x&raquo; &eacute; &#151;", "— … «x» é —"],
    ["AT&T &unknown; & 5 &amp", "AT&T &unknown; & 5 &"],
    ["<div><p>nested <b>bold <i>italic</i></b> text</p></div>", "nested bold italic text"],
    ["<p>one<p>two<div>three", "one\n\ntwo\n\nthree"],
    ["<b>unclosed bold and <i>italic", "unclosed bold and italic"],
    ["line<br/>next<br>third<BR />fourth", "line\nnext\nthird\nfourth"],
    ["para<br><br>next para", "para\n\nnext para"],
    ["<ul><li>one</li><li>two</li></ul>after", "• one\n• two\n\nafter"],
    ["<ol><li>first<li>second</ol>", "1. first\n2. second"],
    ["<h2>Head</h2>text<blockquote>quote</blockquote>", "Head\n\ntext\n\nquote"],
    ["<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"],
    ["<p>\n   spaced\n   out   </p>\n\n\n<p>  again </p>", "spaced out\n\nagain"],
    ["<!-- a comment --><p>text</p><!-- unclosed", "text"],
    ["1 < 2 and 3 > 2", "1 < 2 and 3 > 2"],
    ['<a href="https://x.org/?a=1&b=2" title="a > b">link</a> text', "link text"],
    ['<img src="x.png" alt="صورة">after', "after"],
    ["<pre>line 1\nline 2</pre>", "line 1\nline 2"],
    ["<![CDATA[raw & text]]>", "raw & text"],
    ["", ""],
    ["plain text, no markup", "plain text, no markup"],
  ])("%j", (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("drops script, style and iframe with their content", () => {
    const html =
      '<p>before</p><script type="text/javascript">alert(1)</script><style>p { color: red }</style>' +
      '<iframe src="https://evil.example/">inside</iframe><SCRIPT>alert(2)</SCRIPT ><p>after</p>';
    expect(htmlToText(html)).toBe("before\n\nafter");
  });

  it("drops everything after an unclosed script", () => {
    expect(htmlToText("<p>safe</p><script>alert(1)<p>not text</p>")).toBe("safe");
  });

  it("never leaves a tag", () => {
    const html =
      '<div class="x"><p>a<span style="x">b</span></p><svg><text>svg</text></svg><noscript>ns</noscript>' +
      '<video src="v.mp4"><track/></video><object data="x"><param name="a"/></object><form><input/></form>c</div>';
    const text = htmlToText(html);
    expect(text).not.toMatch(/<[A-Za-z/!]/);
    expect(text).toBe("ab\n\nc");
  });

  it("keeps RTL marks and emoji", () => {
    expect(htmlToText("<p>\u200fعاجل 🚨</p><p>&#x1F600; &rlm;x</p>")).toBe("\u200fعاجل 🚨\n\n😀 \u200fx");
  });

  it("reads 1 MB of HTML", () => {
    const html = "<p>فقرة <b>عريضة</b> &amp; نص.</p>\n".repeat(30_000);
    expect(html.length).toBeGreaterThan(1_000_000);
    const text = htmlToText(html);
    expect(text.split("\n\n")).toHaveLength(30_000);
    expect(text.startsWith("فقرة عريضة & نص.")).toBe(true);
  });

  it("survives pathological input (a quadratic scan would hit the test timeout)", () => {
    expect(htmlToText("<".repeat(10_000))).toBe("<".repeat(10_000));
    expect(htmlToText('<a href="never closed>text')).toBe("text");
    expect(htmlToText("<p".repeat(1000))).toBe("<p".repeat(1000));
    for (const unit of ["<p", '<a "', "<svg>", "<video>x", "<b x='>'", "<!--x-->", "&amp;&#"]) {
      const html = unit.repeat(Math.ceil(300_000 / unit.length));
      expect(htmlToText(html)).not.toMatch(/<[A-Za-z/!][^<>]*>/);
    }
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references and leaves unknown ones", () => {
    expect(decodeEntities("&amp;&#65;&#x42;&nosuch;&#0;&#xD800;&#1114112;")).toBe(
      "&AB&nosuch;\ufffd\ufffd\ufffd",
    );
  });
});
