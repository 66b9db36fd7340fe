/**
 * Cross-site scripting payloads, written from the well-known classes. Every one that could run
 * sets `window.__xss` and calls `alert`, so a browser test can tell that it ran.
 * No NUL characters: PostgreSQL text cannot hold them, so they never reach a page.
 */
const RUN = "__xss=1,alert(1)";
const RUN_B64 = "X194c3M9MSxhbGVydCgxKQ=="; // base64 of RUN
const SCRIPT_B64 = "PHNjcmlwdD5fX3hzcz0xLGFsZXJ0KDEpPC9zY3JpcHQ+"; // base64 of <script>RUN</script>

export type XssClass =
  | "script tag"
  | "event handler"
  | "javascript: URL"
  | "data: URL"
  | "vbscript: URL"
  | "svg"
  | "frame"
  | "css"
  | "broken markup"
  | "unicode"
  | "template injection"
  | "attribute breakout"
  | "script/json breakout";

const corpus: Record<XssClass, string[]> = {
  "script tag": [
    `<script>${RUN}</script>`,
    `<SCRIPT>${RUN}</SCRIPT>`,
    `<ScRiPt>${RUN}</sCrIpT>`,
    `<script src=data:,${RUN}></script>`,
    `<script/src="data:text/javascript,${RUN}"></script>`,
    `<scr<script>ipt>${RUN}</scr</script>ipt>`,
    `<script>${RUN}//`,
    `<script type="module">${RUN}</script>`,
    `<script>eval(atob("${RUN_B64}"))</script>`,
    `<script\n>${RUN}</script\n>`,
  ],
  "event handler": [
    `<img src=x onerror=${RUN}>`,
    `<IMG SRC=x OnErRoR=${RUN}>`,
    `<img src="x" onerror="${RUN}">`,
    `<img/src=x/onerror=${RUN}>`,
    `<img src=x onerror=eval(atob('${RUN_B64}'))>`,
    `<img src=x onerror=&#95;&#95;xss=1,&#97;lert(1)>`,
    `<body onload=${RUN}>`,
    `<body onpageshow=${RUN}>`,
    `<input autofocus onfocus=${RUN}>`,
    `<select autofocus onfocus=${RUN}></select>`,
    `<textarea autofocus onfocus=${RUN}></textarea>`,
    `<x contenteditable autofocus onfocus=${RUN}>x</x>`,
    `<details open ontoggle=${RUN}>`,
    `<video src=x onerror=${RUN}></video>`,
    `<audio src=x onerror=${RUN}></audio>`,
    `<video><source onerror=${RUN}></video>`,
    `<marquee onstart=${RUN}>x</marquee>`,
    `<div onmouseover=${RUN} style="position:fixed;inset:0">x</div>`,
    `<object data=x onerror=${RUN}></object>`,
    `<link rel=stylesheet href=x onerror=${RUN}>`,
    `<style onload=${RUN}></style>`,
    `<img src=x:x onerror=window['al'+'ert'](__xss=1)>`,
    `<div style="animation-name:spin" onanimationstart=${RUN}>x</div>`,
    `<form><button formaction=javascript:${RUN}>go</button></form>`,
    `<input type=image src=x onerror=${RUN}>`,
    `<img src=x onerror\u000c=${RUN}>`,
  ],
  "javascript: URL": [
    `javascript:${RUN}`,
    `JaVaScRiPt:${RUN}`,
    `JAVASCRIPT:${RUN}`,
    ` javascript:${RUN}`,
    `\tjavascript:${RUN}`,
    `java\tscript:${RUN}`,
    `java\nscript:${RUN}`,
    `java\rscript:${RUN}`,
    `\u0001javascript:${RUN}`,
    `&#106;avascript:${RUN}`,
    `&#x6A;avascript:${RUN}`,
    `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${RUN}`,
    `javascript&colon;${RUN}`,
    `javascript&#58;${RUN}`,
    `javascript&#x3A;${RUN}`,
    `jav&#x09;ascript:${RUN}`,
    `jav&#x0A;ascript:${RUN}`,
    `jav&Tab;ascript:${RUN}`,
    `%6A%61%76%61%73%63%72%69%70%74%3A${RUN}`,
    `javascript%3A${RUN}`,
    `%256A%2561vascript:${RUN}`,
    `javascript://%0a${RUN}`,
    `javascript://example.com/%0a${RUN}`,
    `\u200bjavascript:${RUN}`,
    `ｊａｖａｓｃｒｉｐｔ：${RUN}`,
    `<a href="javascript:${RUN}">click</a>`,
    `<a href=" &#14;  javascript:${RUN}">click</a>`,
  ],
  "data: URL": [
    `data:text/html,<script>${RUN}</script>`,
    `data:text/html;base64,${SCRIPT_B64}`,
    `DATA:text/html,<script>${RUN}</script>`,
    ` data:text/html,<script>${RUN}</script>`,
    `data:image/svg+xml,<svg onload=${RUN}>`,
    `data:application/javascript,${RUN}`,
    `<a href="data:text/html;base64,${SCRIPT_B64}">click</a>`,
  ],
  "vbscript: URL": [`vbscript:msgbox(1)`, `VBScript:msgbox(1)`, ` vbscript:msgbox(1)`, `<a href="vbscript:msgbox(1)">click</a>`],
  svg: [
    `<svg onload=${RUN}>`,
    `<svg/onload=${RUN}>`,
    `<svg><script>${RUN}</script></svg>`,
    `<svg><script href="data:,${RUN}"/></svg>`,
    `<svg><a xlink:href="javascript:${RUN}"><text x=20 y=20>click</text></a></svg>`,
    `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`,
    `<svg><set attributeName=onmouseover to=${RUN} /></svg>`,
    `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${RUN}'/></svg>#x"/></svg>`,
    `<svg><foreignObject><iframe srcdoc="<script>parent.__xss=1</script>"></iframe></foreignObject></svg>`,
    `<svg><style><img src=x onerror=${RUN}></style></svg>`,
  ],
  frame: [
    `<iframe srcdoc="<script>parent.__xss=1;parent.alert(1)</script>"></iframe>`,
    `<iframe srcdoc="&lt;img src=x onerror=parent.__xss=1&gt;"></iframe>`,
    `<iframe src=javascript:${RUN}></iframe>`,
    `<iframe src="data:text/html,<script>${RUN}</script>"></iframe>`,
    `<iframe onload=${RUN}></iframe>`,
    `<embed src=javascript:${RUN}>`,
    `<object data=javascript:${RUN}></object>`,
    `<frameset onload=${RUN}>`,
  ],
  css: [
    `<div style="background:url(javascript:${RUN})">x</div>`,
    `<div style="width:expression(${RUN})">x</div>`,
    `<xss style="xss:expression(${RUN})">`,
    `<style>@import 'javascript:${RUN}';</style>`,
    `<style>body{background:url("javascript:${RUN}")}</style>`,
    `<link rel=stylesheet href="javascript:${RUN}">`,
    `red;background:url(javascript:${RUN})`,
    `</style><img src=x onerror=${RUN}>`,
  ],
  "broken markup": [
    `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${RUN}&gt;">`,
    `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
    `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${RUN}>`,
    `<svg></p><style><a id="</style><img src=1 onerror=${RUN}>">`,
    `<math href="javascript:${RUN}">click</math>`,
    `<img """><script>${RUN}</script>">`,
    `<<script>${RUN}//<</script>`,
    `<img src=x onerror=${RUN}//`,
    `<!--<img src="--><img src=x onerror=${RUN}//">`,
    `<![CDATA[><img src=x onerror=${RUN}>]]>`,
    `<xmp><p title="</xmp><img src=x onerror=${RUN}>">`,
    `<title><img src=x onerror=${RUN}></title>`,
    `</textarea><img src=x onerror=${RUN}>`,
    `</title><script>${RUN}</script>`,
    `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
    `<base href="javascript:${RUN}//">`,
    `<template><img src=x onerror=${RUN}></template>`,
    `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${RUN}//'>`,
  ],
  unicode: [
    `\u202e<img src=x onerror=${RUN}>`,
    `＜script＞${RUN}＜/script＞`,
    `\ufeff<script>${RUN}</script>`,
    `<scr\u0131pt>${RUN}</scr\u0131pt>`,
    `\u2028<script>${RUN}</script>\u2029`,
    `<img src=x onerror=\\u005f\\u005fxss=1,\\u0061lert(1)>`,
    `%3Cscript%3E${RUN}%3C/script%3E`,
    `&lt;script&gt;${RUN}&lt;/script&gt;`,
    `\\u003cscript\\u003e${RUN}\\u003c/script\\u003e`,
    `+ADw-script+AD4-${RUN}+ADw-/script+AD4-`,
    `<\u200bscript>${RUN}</script>`,
  ],
  "template injection": [
    `{{constructor.constructor('${RUN}')()}}`,
    `{{$on.constructor('${RUN}')()}}`,
    "${alert(1)}",
    "#{alert(1)}",
    "<%= alert(1) %>",
    "[[${alert(1)}]]",
    "${{<%[%'\"}}%\\.",
  ],
  "attribute breakout": [
    `"><img src=x onerror=${RUN}>`,
    `'><img src=x onerror=${RUN}>`,
    `" onmouseover="${RUN}`,
    `' onfocus='${RUN}' autofocus='`,
    `" autofocus onfocus="${RUN}`,
    `\` onerror=${RUN} \``,
    `"/><svg onload=${RUN}>`,
    `" style="animation-name:spin" onanimationstart="${RUN}`,
    `x" href="javascript:${RUN}`,
  ],
  "script/json breakout": [
    `</script><script>${RUN}</script>`,
    `</SCRIPT ><script>${RUN}</script>`,
    `</script ><img src=x onerror=${RUN}>`,
    `"}</script><script>${RUN}</script>`,
    `<!--<script>`,
    `"};${RUN};//`,
    `';${RUN};//`,
    `\\";${RUN};//`,
    `]]></title><script>${RUN}</script>`,
    `<![CDATA[</script><script>${RUN}</script>]]>`,
  ],
};

export const XSS_CLASSES = Object.keys(corpus) as XssClass[];
export const XSS_PAYLOADS: string[] = Object.values(corpus).flat();

/** The corpus in `count` interleaved batches, so every batch holds payloads of every class. */
export function xssBatches(count: number): string[][] {
  const batches: string[][] = Array.from({ length: count }, () => []);
  XSS_PAYLOADS.forEach((payload, index) => batches[index % count].push(payload));
  return batches;
}
