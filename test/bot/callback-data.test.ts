// Button data: the format buttons already in readers' chats use, and every number checked on the way back.
import { describe, expect, it } from "vitest";
import {
  articleDeleteConfirm,
  articleSetAbout,
  feedAutoAlert,
  latestPage,
  pickerNeighbours,
  pickerOpen,
  pickerPage,
  pickerSections,
  pickerToggle,
  readArticle,
  settingsSwitch,
  unfollowParent,
} from "../../src/bot/callback-data";

describe("button data", () => {
  it("packs as buttons always did, so those already sent keep working", () => {
    expect(latestPage.pack({ topic: 0, page: 3 })).toBe("lt:0:3");
    expect(settingsSwitch.pack({ what: "alerts", on: false })).toBe("set:alerts:0");
    expect(feedAutoAlert.pack({ feed: 7, on: true })).toBe("fd:aa:7:1");
    expect(pickerSections.pack({})).toBe("pk:s");
    expect(readArticle.pack({ article: 17 })).toBe("rd:17");
    expect(articleSetAbout.pack({ article: 17, topic: 3, about: false })).toBe("ae:s:17:3:0");
    expect(pickerPage.pack({ page: 2 })).toBe("pk:p:2");
    expect(pickerToggle.pack({ topic: 3, page: 1 })).toBe("pk:t:3:1");
  });

  it("packs the drill-down's buttons in a shape of their own", () => {
    expect(pickerOpen.pack({ topic: 2, page: 1 })).toBe("pk:o:2:1");
    expect(pickerNeighbours.pack({ page: 0 })).toBe("pk:n:0");
    expect(unfollowParent.pack({ topic: 2 })).toBe("unp:2");
    expect(pickerOpen.unpack("pk:p:2")).toBeUndefined();
    expect(pickerPage.unpack("pk:o:2:1")).toBeUndefined();
  });

  it("unpacks what it packed, and older buttons without their trailing state", () => {
    expect(latestPage.unpack("lt:12:0")).toEqual({ topic: 12, page: 0 });
    expect(settingsSwitch.unpack("set:digests:1")).toEqual({ what: "digests", on: true });
    expect(settingsSwitch.unpack("set:digests")).toEqual({ what: "digests", on: undefined });
    expect(feedAutoAlert.unpack("fd:aa:7")).toEqual({ feed: 7, on: undefined });
  });

  it.each([
    [latestPage, "lt:0:99999999999"],
    [latestPage, "lt:0:1000"],
    [latestPage, "lt:3000000000:0"],
    [latestPage, "lt:0:-1"],
    [latestPage, "lt:0"],
    [feedAutoAlert, "fd:aa:0:1"],
    [feedAutoAlert, "fd:aa:7:2"],
    [settingsSwitch, "set:lang:1"],
    [pickerSections, "pk:s:1"],
    [readArticle, "rd:0"],
    [readArticle, "rd:3000000000"],
    [articleSetAbout, "ae:s:17:3:2"],
    [articleSetAbout, "ae:s:17:3"],
    [articleDeleteConfirm, "ae:d:17"],
    [pickerOpen, "pk:o:0:0"],
    [pickerOpen, "pk:o:2"],
    [pickerNeighbours, "pk:n:1000"],
    [unfollowParent, "unp:0"],
  ] as const)("refuses %#: %s", (kind, data) => {
    expect(kind.unpack(data)).toBeUndefined();
  });
});
