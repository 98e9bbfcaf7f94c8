package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A task as its worker sees it, with the form it is completed with. */
record TaskView(
        String id,
        String name,
        String nameEn,
        String caseId,
        String taskKey,
        String assignee,
        List<String> candidateGroups,
        List<String> candidateUsers,
        Instant due,
        Instant created,
        JsonNode form) {}
