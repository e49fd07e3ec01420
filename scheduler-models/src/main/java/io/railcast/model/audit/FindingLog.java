package io.railcast.model.audit;

import java.util.ArrayList;
import java.util.List;

/** Findings in words, up to a limit: counts are exact, but nobody reads the ten-thousandth copy of one fault. */
final class FindingLog {

    private final int limit;
    private final List<Finding> findings = new ArrayList<>();

    FindingLog(int limit) {
        this.limit = limit;
    }

    void add(AuditFault.Kind kind, String campaignId, String detail) {
        if (findings.size() < limit) {
            findings.add(new Finding(kind, campaignId, detail));
        }
    }

    List<Finding> findings() {
        return findings;
    }
}
