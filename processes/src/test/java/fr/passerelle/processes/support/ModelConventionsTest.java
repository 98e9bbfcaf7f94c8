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
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The contract of {@code processes/README.md}, checked on every model and form of this module:
 * executable with a history time to live, named in French with {@code nameEn}, documented, every
 * user task with a role (or its lawyer: assignee, candidate user) and an existing form ({@code formRef}, binding {@code latest}), no duration
 * typed into a timer or a due date (they come from the {@code deadlines} bean), no expression of
 * 80 characters or more (logic in beans), and a diagram (BPMNDI) for every element, so each file
 * opens readable in a modeler.
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

    @Test
    void theExpressionReaderFindsEveryExpressionWithItsBracesAndSkipsDocumentation() throws IOException {
        List<String> found = new ArrayList<>();
        expressionsIn("${a ? b : c} and #{x.y(execution, 'a')} then ${m({'k': 1})}", found);
        assertThat(found).containsExactly("${a ? b : c}", "#{x.y(execution, 'a')}", "${m({'k': 1})}");

        Path model = Files.createTempFile("long-expression", ".bpmn");
        try {
            String longOne =
                    "${execution.getVariable('somethingRatherLong') != null && execution.getVariable('other')}";
            Files.writeString(
                    model,
                    "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
                            + "<documentation>${" + "x".repeat(100) + "}</documentation>"
                            + "<sequenceFlow id=\"f\"><conditionExpression>"
                            + longOne.replace("&&", "&amp;&amp;")
                            + "</conditionExpression></sequenceFlow></process></definitions>");
            assertThat(expressions(model)).containsExactly(longOne);
            assertThat(longOne.length()).isGreaterThanOrEqualTo(LONGEST_EXPRESSION);
        } finally {
            Files.delete(model);
        }
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
                    && (!due.contains("deadlines.")
                                    && !due.contains("appealDeadlines.")
                                    && !due.contains("stepRules.dueOn(")
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

        checkExpressionsShort(file, faults);

        assertThat(faults).as("contract faults in %s", file).isEmpty();
    }

    /**
     * Logic lives in beans, not in BPMN expressions (processes/README.md): an expression of {@value
     * #LONGEST_EXPRESSION} characters or more, anywhere but in documentation, is a named bean method
     * to write (with its test).
     */
    private static void checkExpressionsShort(Path file, List<String> faults) {
        for (String expression : expressions(file)) {
            if (expression.length() >= LONGEST_EXPRESSION) {
                faults.add("expression of " + expression.length() + " characters (move it into a bean method): "
                        + expression);
            }
        }
    }

    static final int LONGEST_EXPRESSION = 80;

    /** Every {@code ${...}} and {@code #{...}} of the model's attributes and texts, documentation left out. */
    static List<String> expressions(Path file) {
        Document xml;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        List<String> found = new ArrayList<>();
        collect(xml.getDocumentElement(), found);
        return found;
    }

    private static void collect(Element element, List<String> found) {
        if ("documentation".equals(element.getLocalName())) {
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            expressionsIn(attributes.item(i).getNodeValue(), found);
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                collect(e, found);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressionsIn(child.getNodeValue(), found);
            }
        }
    }

    /** The expressions in a text: from {@code ${} or {@code #{} to its closing brace, nested braces counted. */
    static void expressionsIn(String text, List<String> found) {
        int start = -1;
        for (int i = 0; i + 1 < text.length(); i++) {
            if ((text.charAt(i) == '$' || text.charAt(i) == '#') && text.charAt(i + 1) == '{') {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return;
        }
        int depth = 0;
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                found.add(text.substring(start, i + 1));
                expressionsIn(text.substring(i + 1), found);
                return;
            }
        }
        found.add(text.substring(start));
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
