#!/usr/bin/env python3
"""Compares license-maven-plugin's THIRD-PARTY.txt with our license-check JSON for the same pom.xml.
Usage: bench/licence-compare.py THIRD-PARTY.txt ours.json [dependency-list.txt from mvn dependency:list]"""
import json, re, sys
from collections import Counter

line_re = re.compile(r"^\s+((?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)+)(.*)\(([^:() ]+):([^:() ]+):([^: ()]+) - .*\)\s*$")
plugin = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = line_re.match(line)
    if m:
        licences = re.findall(r"\(((?:[^()]|\([^()]*\))*)\)", m.group(1))
        plugin[f"{m.group(3)}:{m.group(4)}:{m.group(5)}"] = licences

ours = {}
for dep in json.load(open(sys.argv[2]))["dependencies"]:
    m = re.match(r"pkg:maven/([^/]+)/([^@]+)@([^?]+)", dep["purl"])
    ours[f"{m.group(1)}:{m.group(2)}:{m.group(3)}"] = dep

resolved = None
if len(sys.argv) > 3:
    resolved = set()
    for l in (x.strip() for x in open(sys.argv[3])):
        parts = l.split(":")  # group:artifact:type[:classifier]:version:scope
        if len(parts) >= 5:
            resolved.add(f"{parts[0]}:{parts[1]}:{parts[-2]}")

print(f"plugin lists {len(plugin)}, ours {len(ours)}" + (f", mvn dependency:list (runtime) {len(resolved)} distinct g:a:v" if resolved else ""))
print("only in plugin:", sorted(set(plugin) - set(ours)))
print("only in ours:", sorted(set(ours) - set(plugin)))
if resolved:
    print("ours but not in mvn runtime list:", sorted(set(ours) - resolved))
    print("mvn runtime list but not ours:", sorted(resolved - set(ours)))
both = sorted(set(plugin) & set(ours))
print("plugin: several <license> elements:", sum(1 for k in both if len(plugin[k]) > 1),
      "| ours: expressions with OR:", sum(1 for k in both if " OR " in (ours[k]["license"] or "")))
print("plugin: unknown licence:", [k for k in plugin if any("unknown" in l.lower() for l in plugin[k])])
print("ours: provenance", dict(Counter(ours[k]["provenance"] for k in ours)))
print("ours: licence null or LicenseRef:", [(k, ours[k]["license"]) for k in ours
      if not ours[k]["license"] or "LicenseRef" in ours[k]["license"]])
print("\nsample of several-licence and inherited cases (plugin | ours):")
for k in both:
    if len(plugin[k]) > 1 or ours[k]["provenance"] == "inherited":
        print(f"  {k}: {plugin[k]} | {ours[k]['license']} ({ours[k]['provenance']}, {ours[k]['verdict']})")
