package com.architectbot.consultation.llm;

import com.architectbot.core.LicenceChecks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.List;
import java.util.Optional;

/**
 * The licence check as a tool the architect can call, so "should we use this library?" is answered from
 * registry facts and the policy engine's verdict, never from the model's memory. One instance serves every
 * consultation: the asking tenant's licence policy arrives with each call, not in a field.
 */
public final class LicenceCheckTool implements ToolNarration {

    private static final String NAME = "checkLicences";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LicenceChecks licences;

    public LicenceCheckTool(LicenceChecks licences) {
        this.licences = licences;
    }

    @Tool("Checks the open-source licences of specific package versions against the company's licence policy, "
            + "from real registry metadata. Returns each package's SPDX licence, category, verdict (ok, review, "
            + "blocker) and obligations. Use it whenever a question involves a dependency's licence.")
    public String checkLicences(
            @P("Package versions: Package URLs (pkg:npm/react@18.2.0, pkg:maven/org.slf4j/slf4j-api@2.0.17), "
                            + "Maven coordinates (group:artifact:version) or npm name@version")
                    List<String> packages,
            @P(
                            value = "How the product is distributed: saas, distributed or internal; empty for the "
                                    + "team's own default",
                            required = false)
                    String distributionModel,
            InvocationParameters call) {
        return licences.checkForAgent(
                packages, distributionModel, Toolbox.tenantOf(call).licencePolicy());
    }

    /** "Checking licences of 12 packages...": the packages the calls name, counted, never quoted. */
    @Override
    public Optional<String> statusLine(List<ToolExecutionRequest> calls) {
        List<ToolExecutionRequest> mine =
                calls.stream().filter(call -> NAME.equals(call.name())).toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        int packages = mine.stream().mapToInt(LicenceCheckTool::packageCount).sum();
        return Optional.of("Checking licences of " + packages + (packages == 1 ? " package..." : " packages..."));
    }

    /** How many packages one call names; a call whose arguments cannot be read names none. */
    private static int packageCount(ToolExecutionRequest call) {
        try {
            JsonNode packages = JSON.readTree(call.arguments()).path("packages");
            return packages.isArray() ? packages.size() : 0;
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return 0;
        }
    }
}
