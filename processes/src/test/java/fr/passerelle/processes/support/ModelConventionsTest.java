package fr.passerelle.processes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of {@code processes/README.md}, checked on every model and form of this module:
 * executable with a history time to live, named in French with {@code nameEn}, documented, every
 * user task with a role (or its lawyer: assignee, candidate user) and an existing form ({@code formRef}, binding {@code latest}), no duration
 * typed into a timer or a due date (they come from the {@code deadlines} bean), and a diagram
 * (BPMNDI) for every element, so each file opens readable in a modeler.
 */
class ModelConventionsTest {

    static final Path BPMN = Path.of("src/main/resources/bpmn");
    static final Path FORMS = Path.of("src/main/resources/forms");
    static final Set<String> ROLES = Set.of("caseworker", "coordinator");
    /** An ISO-8601 duration or a bare date typed into the XML, such as P4M, PT48H or 2026-05-01. */
    static final Pattern LITERAL_TIME = Pattern.compile("(^|[^A-Za-z_'])(P\\d|PT\\d|R\\d*/|\\d{4}-\\d{2}-\\d{2})");

    static final Pattern FORM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @TestFactory
    Stream<DynamicTest> everyModelFollowsTheContract() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(BPMN)) {
            files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(files).as("models in %s", BPMN).isNotEmpty();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    @TestFactory
    Stream<DynamicTest> everyFormIsNamedForItsFile() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(FORMS)) {
            files = list.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String json = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher id = FORM_ID.matcher(json);
                    String name = file.getFileName().toString().replaceFirst("\\.form$", "");
                    // the form's own id is the first "id" of the document (components come after it)
                    assertThat(id.find() && id.group(1).equals(name) || json.contains("\"id\": \"" + name + "\""))
                            .as("%s declares \"id\": \"%s\"", file, name)
                            .isTrue();
                    assertThat(json).as("%s has components", file).contains("\"components\"");
                }));
    }

    private static void check(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String fileKey = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
        List<String> faults = new ArrayList<>();

        Collection<Process> processes = model.getModelElementsByType(Process.class);
        if (processes.stream().noneMatch(p -> p.getId().equals(fileKey))) {
            faults.add("no process with the file's name as id: " + fileKey);
        }
        for (Process process : processes) {
            if (!process.isExecutable()) {
                faults.add(process.getId() + ": not executable");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null
                    || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                faults.add(process.getId() + ": no camunda:historyTimeToLive");
            }
            checkNamed(process, process.getName(), faults);
        }

        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null)
                .map(s -> s.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null)
                .map(e -> e.getBpmnElement().getId())
                .collect(Collectors.toSet());

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                faults.add(node.getId() + ": no diagram shape");
            }
            String type = node.getElementType().getTypeName();
            // as bpmnlint's label-required: merging gateways, parallel and event-based gateways need no name
            boolean unnamedGateway = type.equals("parallelGateway")
                    || type.equals("eventBasedGateway")
                    || type.endsWith("Gateway") && node.getOutgoing().size() <= 1;
            if (!unnamedGateway) {
                checkNamed(node, node.getName(), faults);
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                faults.add(flow.getId() + ": no diagram edge");
            }
        }

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String id = task.getId();
            String formRef = task.getCamundaFormRef();
            if (formRef == null || formRef.isBlank()) {
                faults.add(id + ": no camunda:formRef");
            } else {
                if (!"latest".equals(task.getCamundaFormRefBinding())) {
                    faults.add(id + ": camunda:formRefBinding is not 'latest'");
                }
                if (!formRef.contains("${") && !Files.exists(FORMS.resolve(formRef + ".form"))) {
                    faults.add(id + ": form " + formRef + " has no file forms/" + formRef + ".form");
                }
            }
            String groups = task.getCamundaCandidateGroups();
            String assignee = task.getCamundaAssignee();
            String users = task.getCamundaCandidateUsers();
            if (blank(groups) && blank(assignee) && blank(users)) {
                faults.add(id + ": names no role (camunda:candidateGroups), assignee nor candidate user");
            }
            if (groups != null && !groups.isBlank()) {
                for (String group : groups.split(",")) {
                    if (!ROLES.contains(group.trim())) {
                        faults.add(id + ": unknown candidate group " + group.trim());
                    }
                }
            }
            String due = task.getCamundaDueDate();
            if (due != null
                    && (!due.contains("deadlines.") && !due.contains("appealDeadlines.")
                            || LITERAL_TIME.matcher(due).find())) {
                faults.add(id + ": due date not from the deadlines bean: " + due);
            }
        }

        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            String owner = ((BaseElement) timer.getParentElement()).getId();
            if (timer.getTimeDuration() != null || timer.getTimeCycle() != null) {
                faults.add(owner + ": a timer duration or cycle (use timeDate from the deadlines bean)");
            }
            String date = timer.getTimeDate() == null
                    ? ""
                    : timer.getTimeDate().getTextContent().trim();
            // appealDeadlines: appeal-contentious's bean over deadlines (fr.passerelle.processes.AppealDeadlines)
            if (!date.startsWith("${deadlines.") && !date.startsWith("${appealDeadlines.")
                    || LITERAL_TIME.matcher(date).find()) {
                faults.add(owner + ": timer not from the deadlines bean: " + date);
            }
        }

        assertThat(faults).as("contract faults in %s", file).isEmpty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void checkNamed(BaseElement element, String name, List<String> faults) {
        String id = element.getId();
        if (name == null || name.isBlank()) {
            faults.add(id + ": no name");
        }
        boolean nameEn = element.getExtensionElements() != null
                && element
                        .getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaProperties.class)
                        .list()
                        .stream()
                        .flatMap(p -> p.getCamundaProperties().stream())
                        .anyMatch(p -> "nameEn".equals(p.getCamundaName())
                                && p.getCamundaValue() != null
                                && !p.getCamundaValue().isBlank());
        if (!nameEn) {
            faults.add(id + ": no nameEn extension property");
        }
        boolean documented = element.getChildElementsByType(Documentation.class).stream()
                .anyMatch(d -> d.getTextContent() != null && !d.getTextContent().isBlank());
        if (!documented) {
            faults.add(id + ": no documentation");
        }
    }
}
