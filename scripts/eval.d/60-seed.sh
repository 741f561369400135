#!/usr/bin/env bash
# 60-seed.sh - the seed report (2024-04-08: China's reaction to Japan possibly
# joining AUKUS Pillar II) coded end to end from its scraped text. Each
# expected event is a dyad (source and target code prefixes, either order
# where the report is symmetric) and the CAMEO roots a coder could defend.
# "Biden tells Australia's Albanese AUKUS will 'get done'" is not expected:
# in the scraped page it is a related-video headline, printed twice, which
# the cleaner removes as page residue by design.
set -uo pipefail
seed="${DYAD_SHARED:-../shared}/seeds/000_54538ea881a0e3d2.txt"
if [ ! -f "$seed" ]; then
  echo "60-seed: skipped: ../shared not found ($seed)"
  exit 0
fi
build/dyad code --date 2024-04-08 "$seed" 2>/dev/null | python3 -c '
import json, sys
events = [json.loads(l) for l in sys.stdin if l.strip()]
# (what, source prefixes, target prefixes, roots, symmetric)
expected = [
  ("China concerned about Japan joining AUKUS", ["CHN"], ["JPN"], {"01", "11", "12", "13"}, False),
  ("China warns Japan (caution in military security)", ["CHN"], ["JPN"], {"01", "10", "11", "13"}, False),
  ("Biden hosts Kishida at the White House", ["USA"], ["JPNGOV"], {"04"}, False),  # Kishida himself, not Japan as a summit guest
  ("US-Japan alliance upgrade planned", ["USA"], ["JPN"], {"03", "05", "06"}, True),
  ("first US-Japan-Philippines summit", ["USA", "JPN"], ["PHL", "JPN", "USA"], {"04"}, True),
]
found = 0
used = set()  # each expected event needs an event of its own
for what, srcs, tgts, roots, sym in expected:
    def match(e):
        s, t = e.get("source") or "", e.get("target") or ""
        ok = any(s.startswith(a) for a in srcs) and any(t.startswith(b) for b in tgts) and s[:3] != t[:3]
        if sym and not ok:
            ok = any(t.startswith(a) for a in srcs) and any(s.startswith(b) for b in tgts) and s[:3] != t[:3]
        return ok and e.get("root") in roots
    hits = [e for k, e in enumerate(events) if match(e) and k not in used]
    if hits:
        used.add(events.index(hits[0]))
    found += bool(hits)
    mark = "found " if hits else "MISSED"
    how = "; ".join("%s->%s %s (%s)" % (e["source"], e["target"], e["code"], e["verb_text"]) for e in hits[:2])
    print(f"  {mark} {what}" + (f": {how}" if how else ""))
print(f"seed: {found} of {len(expected)} expected events found; {len(events)} events in all")
sys.exit(0)
'
