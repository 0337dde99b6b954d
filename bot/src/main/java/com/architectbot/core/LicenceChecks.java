package com.architectbot.core;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceReport;
import java.util.List;
import java.util.Optional;

/** The licence feature as the router sees it: a check asked for in words, with any files sent along. */
public interface LicenceChecks {

    /**
     * @param request what the user typed after the command ({@code react@18.2.0 --policy saas})
     * @param files the manifests sent with it, already fetched
     * @param tenantPolicy the tenant's default distribution model, used when the request names none
     * @throws PermanentFailure when the request cannot be understood; its message says how to ask
     */
    LicenceReport check(String request, List<FileText> files, Optional<DistributionModel> tenantPolicy);

    /**
     * The verdicts for package versions as plain text, for the architect's licence tool; bad specs are
     * answered in the text, not thrown.
     *
     * @param distributionModel "saas", "distributed", "internal", or null/blank for the tenant's
     * @param tenantPolicy the asking tenant's default distribution model, used when the tool names none;
     *     empty for the configured one
     */
    String checkForAgent(List<String> packageSpecs, String distributionModel, Optional<DistributionModel> tenantPolicy);
}
