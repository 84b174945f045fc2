// The tracking page: copy a new write key, and poll the live view of recently committed events.
(() => {
  document.addEventListener("click", (e) => {
    const button = e.target.closest("[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    navigator.clipboard.writeText(source.textContent.trim()).then(() => { button.textContent = "Copied"; });
  });

  const cell = (text, className) => {
    const td = document.createElement("td");
    td.textContent = text ?? "";
    if (className) td.className = className;
    return td;
  };

  const refresh = async (table) => {
    const response = await fetch(table.dataset.liveEvents, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const events = await response.json();
    const body = table.querySelector("tbody");
    if (events.length === 0) return;
    body.replaceChildren(...events.map((e) => {
      const tr = document.createElement("tr");
      tr.append(cell(new Date(e.committedAt).toLocaleTimeString()), cell(e.source), cell(e.type), cell(e.name),
        cell(e.userId, "mono"), cell(e.anonymousId, "mono"));
      const profile = document.createElement("td");
      if (e.profileId) {
        const link = document.createElement("a");
        link.href = `/api/profiles/${e.profileId}`;
        link.textContent = e.profileId;
        profile.append(link);
      }
      tr.append(profile);
      return tr;
    }));
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-live-events]").forEach((table) => {
      refresh(table);
      setInterval(() => refresh(table), 2000);
    });
  });
})();
