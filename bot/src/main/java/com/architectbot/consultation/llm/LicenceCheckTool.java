package com.architectbot.consultation.llm;

import com.architectbot.core.LicenceChecks;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.List;

/**
 * The licence check as a tool the architect can call, so "should we use this library?" is answered from
 * registry facts and the policy engine's verdict, never from the model's memory. One instance serves every
 * consultation: the asking tenant's licence policy arrives with each call, not in a field.
 */
public final class LicenceCheckTool {

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
}
