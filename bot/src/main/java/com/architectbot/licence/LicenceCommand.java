package com.architectbot.licence;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A licence check asked for in chat: {@code <purl | g:a:v | name@version ...> [--policy saas|distributed|internal]
 * [--direct-only] [--include-test-scopes]}, plus any manifests the user attached.
 *
 * @param model null for the configured default
 */
public record LicenceCommand(List<CheckInput> inputs, DistributionModel model, ResolveOptions options) {

    public static final String USAGE = "Usage: license-check <purl | group:artifact:version | name@version ...> "
            + "[--policy saas|distributed|internal] [--direct-only]. Example: license-check "
            + "pkg:maven/org.apache.commons/commons-lang3@3.14.0 react@18.2.0 --policy saas. "
            + "You can also send a pom.xml, package.json, lockfile or SBOM.";

    public LicenceCommand {
        inputs = List.copyOf(inputs);
    }

    /** The same command judged for {@code model} (null for the configured default). */
    public LicenceCommand withModel(DistributionModel model) {
        return new LicenceCommand(inputs, model, options);
    }

    /**
     * @throws PermanentFailure with {@link #USAGE} when nothing is to be checked or an option is unknown
     */
    public static LicenceCommand parse(String text, List<CheckInput.Manifest> attachments) {
        List<CheckInput> inputs = new ArrayList<>(attachments);
        DistributionModel model = null;
        boolean directOnly = false;
        boolean testScopes = false;
        List<String> words = text == null || text.isBlank()
                ? List.of()
                : List.of(text.strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--policy") || word.startsWith("--policy=")) {
                String id = word.contains("=")
                        ? word.substring(word.indexOf('=') + 1)
                        : i + 1 < words.size() ? words.get(++i) : "";
                model = DistributionModel.fromId(id)
                        .orElseThrow(() -> new PermanentFailure(
                                "Unknown policy '" + id + "': use one of " + DistributionModel.ids() + ". " + USAGE));
            } else if (word.equals("--direct-only")) {
                directOnly = true;
            } else if (word.equals("--include-test-scopes")) {
                testScopes = true;
            } else if (word.startsWith("--")) {
                throw new PermanentFailure("Unknown option '" + word + "'. " + USAGE);
            } else if (attachments.isEmpty() || looksLikePackage(word)) {
                inputs.add(new CheckInput.PackageSpec(word));
            } // else: the words sent with a file ("please check this") are a message, not packages
        }
        if (inputs.isEmpty()) {
            throw new PermanentFailure("Tell me what to check. " + USAGE);
        }
        return new LicenceCommand(inputs, model, new ResolveOptions(directOnly, testScopes));
    }

    /** Every package form we read names a version: {@code pkg:...@v}, {@code g:a:v}, {@code name@v}. */
    private static boolean looksLikePackage(String word) {
        return word.indexOf('@') > 0 || word.chars().filter(c -> c == ':').count() >= 2 || word.startsWith("pkg:");
    }
}
