package com.architectbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated npm project of a given size for licence-check benchmarks: a {@code package-lock.json} v3 whose
 * packages carry no licence (so each one is looked up), and the registry's version document for each
 * package, written where {@code FakeRegistry.servingFolder} serves them ({@code <name>/<version>}).
 *
 * <p>The shape is that of a real service's lockfile: a fifth of the packages are direct dependencies, the
 * rest hang below them; one in twenty is a nested second copy at another version; some are scoped; the
 * licence mix is mostly MIT and ISC with the forms real documents use (an expression, a {@code {type, url}}
 * object, the legacy {@code licenses} array, {@code SEE LICENSE IN}, a weak copyleft). Seeded: the same size
 * gives the same project.
 */
final class NpmProject {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LICENCES = {
        "MIT",
        "MIT",
        "MIT",
        "MIT",
        "MIT",
        "MIT",
        "MIT",
        "ISC",
        "ISC",
        "Apache-2.0",
        "BSD-3-Clause",
        "BSD-2-Clause",
        "(MIT OR Apache-2.0)",
        "MIT",
        "ISC",
        "MIT",
        "0BSD",
        "BlueOak-1.0.0",
        "MIT",
        "Apache-2.0"
    };

    private record Pkg(String location, String name, String version, List<Integer> dependencies) {}

    private NpmProject() {}

    /** Writes {@code registry/<name>/<version>} documents under {@code folder} and returns the lockfile. */
    static String generate(int size, Path folder) throws IOException {
        Random random = new Random(42);
        List<Pkg> packages = new ArrayList<>();
        int nested = size / 20;
        int hoisted = size - nested;
        for (int i = 0; i < hoisted; i++) {
            String name = i % 9 == 4 ? "@bench/util-" + i : "bench-pkg-" + i;
            packages.add(new Pkg("node_modules/" + name, name, version(random), new ArrayList<>()));
            if (i >= size / 5) {
                packages.get(random.nextInt(i)).dependencies().add(i); // hangs below an earlier package
            }
        }
        Set<String> locations = new HashSet<>();
        while (packages.size() < size) {
            Pkg parent = packages.get(random.nextInt(hoisted));
            Pkg twin = packages.get(random.nextInt(size / 5)); // a direct one, so its hoisted copy stays in the tree
            String location = parent.location() + "/node_modules/" + twin.name();
            if (parent != twin && locations.add(location)) {
                packages.add(new Pkg(location, twin.name(), version(random) + "-0", List.of()));
                parent.dependencies().add(packages.indexOf(twin));
            }
        }
        for (int i = 0; i < packages.size(); i++) {
            writeDocument(folder, packages.get(i), i, packages);
        }
        return lockfile(packages, size / 5);
    }

    private static String version(Random random) {
        return (1 + random.nextInt(9)) + "." + random.nextInt(20) + "." + random.nextInt(30);
    }

    private static String lockfile(List<Pkg> packages, int direct) {
        ObjectNode lock = JSON.createObjectNode()
                .put("name", "bench-app")
                .put("version", "1.0.0")
                .put("lockfileVersion", 3)
                .put("requires", true);
        ObjectNode all = lock.putObject("packages");
        ObjectNode root = all.putObject("").put("name", "bench-app").put("version", "1.0.0");
        ObjectNode rootDependencies = root.putObject("dependencies");
        for (int i = 0; i < direct; i++) {
            rootDependencies.put(packages.get(i).name(), "^" + packages.get(i).version());
        }
        for (Pkg pkg : packages) {
            ObjectNode entry = all.putObject(pkg.location())
                    .put("version", pkg.version())
                    .put("resolved", "https://registry.npmjs.org/" + pkg.name() + "/-/" + tarball(pkg))
                    .put("integrity", "sha512-" + "A".repeat(86) + "==");
            if (!pkg.dependencies().isEmpty()) {
                ObjectNode dependencies = entry.putObject("dependencies");
                pkg.dependencies()
                        .forEach(d -> dependencies.put(
                                packages.get(d).name(), "^" + packages.get(d).version()));
            }
        }
        return lock.toPrettyString();
    }

    private static void writeDocument(Path folder, Pkg pkg, int index, List<Pkg> packages) throws IOException {
        ObjectNode doc = JSON.createObjectNode()
                .put("name", pkg.name())
                .put("version", pkg.version())
                .put("description", "Generated package " + index + " for the licence-check benchmark")
                .put("main", "index.js")
                .put("homepage", "https://example.com/" + pkg.name());
        licence(doc, index);
        doc.putObject("repository")
                .put("type", "git")
                .put("url", "git+https://github.com/example/" + pkg.name() + ".git");
        doc.putArray("maintainers").addObject().put("name", "someone").put("email", "someone@example.com");
        ObjectNode dependencies = doc.putObject("dependencies");
        pkg.dependencies()
                .forEach(d -> dependencies.put(
                        packages.get(d).name(), "^" + packages.get(d).version()));
        doc.putObject("dist")
                .put("tarball", "https://registry.npmjs.org/" + pkg.name() + "/-/" + tarball(pkg))
                .put("shasum", "0".repeat(40))
                .put("integrity", "sha512-" + "A".repeat(86) + "==")
                .put("fileCount", 12)
                .put("unpackedSize", 48_213);
        Path file = folder.resolve(pkg.name()).resolve(pkg.version());
        Files.createDirectories(file.getParent());
        Files.writeString(file, doc.toString());
    }

    private static void licence(ObjectNode doc, int index) {
        switch (index % 50) {
            case 7 -> doc.putObject("license").put("type", "MIT").put("url", "https://opensource.org/licenses/MIT");
            case 17 -> {
                doc.putArray("licenses")
                        .addObject()
                        .put("type", "MIT")
                        .put("url", "https://opensource.org/licenses/MIT");
                doc.withArray("licenses").addObject().put("type", "Apache-2.0");
            }
            case 27 -> doc.put("license", "SEE LICENSE IN LICENSE.md");
            case 37 -> doc.put("license", "LGPL-3.0-or-later");
            default -> doc.put("license", LICENCES[index % LICENCES.length]);
        }
    }

    private static String tarball(Pkg pkg) {
        String base = pkg.name().substring(pkg.name().lastIndexOf('/') + 1);
        return base + "-" + pkg.version() + ".tgz";
    }
}
