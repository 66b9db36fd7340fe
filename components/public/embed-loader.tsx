"use client";

import { useEffect } from "react";
import { frameProvider } from "@/lib/embeds/providers";

const WIRED = "embedWired";

/** Swaps a facade for the provider's player, only when the reader asks, and only for an allowlisted player. */
function wire(figure: HTMLElement) {
  const src = figure.dataset.embedFrameSrc ?? "";
  const provider = frameProvider(src);
  const facade = figure.querySelector<HTMLElement>("[data-embed-facade]");
  if (!provider || !facade || figure.dataset[WIRED]) return;
  figure.dataset[WIRED] = "true";
  const aspect = Number(figure.dataset.embedAspect);
  if (aspect > 0) facade.style.aspectRatio = String(aspect);

  const button = document.createElement("button");
  button.type = "button";
  button.textContent = `Load content from ${provider.name}`;
  button.setAttribute("data-embed-load", "");
  const note = document.createElement("span");
  note.setAttribute("data-embed-note", "");
  note.textContent = `${provider.name} may set cookies and see that you are reading this page.`;
  facade.append(button, note);

  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = src;
    frame.title = figure.dataset.embedTitle ? `${provider.name}: ${figure.dataset.embedTitle}` : `Content from ${provider.name}`;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture; clipboard-write";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
    if (aspect > 0) frame.style.aspectRatio = String(aspect);
    facade.replaceWith(frame);
    frame.focus();
  });
}

/**
 * Public pages render embeds as facades (lib/story-body/embed.ts): no request reaches a provider
 * until the reader clicks its "Load content" button, which this adds. Without JavaScript, readers
 * keep the facade's plain link.
 */
export function EmbedLoader() {
  useEffect(() => {
    document.querySelectorAll<HTMLElement>("figure[data-embed-frame-src]").forEach(wire);
  }, []);
  return null;
}
