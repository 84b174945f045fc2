// ConnectorHub dashboard: small progressive enhancements. Every page works without this script.
(() => {
  "use strict";

  // Phone-width menu.
  document.addEventListener("click", (e) => {
    const toggle = e.target.closest("[data-menu-toggle]");
    if (toggle) {
      const bar = toggle.closest(".topbar");
      const open = bar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    }
  });

  // Times in the reader's own time zone (the server writes UTC).
  const localize = (root) => {
    root.querySelectorAll("time[data-local]").forEach((t) => {
      const d = new Date(t.getAttribute("datetime"));
      if (!isNaN(d)) { t.title = t.textContent; t.textContent = d.toLocaleString(); }
    });
  };

  // Confirm destructive actions.
  document.addEventListener("submit", (e) => {
    const button = e.submitter;
    const message = (button && button.dataset.confirm) || e.target.dataset.confirm;
    if (message && !window.confirm(message)) { e.preventDefault(); }
  });

  // Live regions: refetch a fragment until the server says it is final.
  const poll = (region) => {
    const url = region.dataset.liveUrl;
    const tick = async () => {
      if (region.dataset.live !== "true") { return; }
      try {
        const response = await fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" });
        if (response.ok) {
          const holder = document.createElement("div");
          holder.innerHTML = await response.text();
          const fresh = holder.firstElementChild;
          if (fresh) { region.replaceWith(fresh); region = fresh; localize(region); }
        }
      } catch { /* a missed poll is retried */ }
      if (region.dataset.live === "true") { setTimeout(tick, 1000); }
    };
    setTimeout(tick, 1000);
  };

  // Schedule preview as the cron expression or time zone is typed.
  const schedule = (box) => {
    const form = box.closest("form");
    const cron = form.querySelector("[name='Input.ScheduleCron']");
    const zone = form.querySelector("[name='Input.ScheduleTimeZone']");
    let timer;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const url = box.dataset.previewUrl + "&cron=" + encodeURIComponent(cron.value) + "&zone=" + encodeURIComponent(zone.value);
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.ok) { box.innerHTML = await response.text(); localize(box); }
      }, 250);
    };
    [cron, zone].forEach((input) => input && input.addEventListener("input", refresh));
  };

  // Segment rule editor: condition templates go into the top-level all/any list; the count follows the text.
  const ruleBuilder = (box) => {
    const form = box.closest("form");
    const text = box.querySelector("textarea");
    const region = box.querySelector("[data-count-region]");
    let timer;
    const count = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const body = new FormData(form);
        const response = await fetch(box.dataset.countUrl, { method: "POST", body, credentials: "same-origin" });
        if (response.ok) { region.innerHTML = await response.text(); }
      }, 300);
    };
    box.querySelectorAll("[data-rule-template]").forEach((button) => button.addEventListener("click", () => {
      const condition = JSON.parse(button.dataset.ruleTemplate);
      let rule;
      try { rule = JSON.parse(text.value); } catch { rule = null; }
      if (rule && Array.isArray(rule.all)) { rule.all.push(condition); }
      else if (rule && Array.isArray(rule.any)) { rule.any.push(condition); }
      else { rule = { all: rule ? [rule, condition] : [condition] }; }
      text.value = JSON.stringify(rule, null, 2);
      count();
    }));
    text.addEventListener("input", count);
  };

  // Mapping editor: the preview follows the mapping and the samples as they are typed.
  const mappingEditor = (form) => {
    const region = form.querySelector("[data-preview-region]");
    let timer;
    const preview = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const response = await fetch(form.dataset.previewUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
        if (response.ok) { region.innerHTML = await response.text(); }
      }, 300);
    };
    form.querySelectorAll("textarea").forEach((t) => t.addEventListener("input", preview));
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-rule-builder]").forEach(ruleBuilder);
    document.querySelectorAll("[data-mapping-editor]").forEach(mappingEditor);
    localize(document);
    document.querySelectorAll("[data-live='true']").forEach(poll);
    document.querySelectorAll("[data-preview-url]").forEach(schedule);
    document.querySelectorAll("[data-autosubmit]").forEach((el) => el.addEventListener("change", () => {
      const target = document.getElementById(el.dataset.autosubmit);
      if (target) { target.click(); }
    }));
  });
})();
