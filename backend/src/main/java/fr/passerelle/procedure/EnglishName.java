package fr.passerelle.procedure;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The English name a model element carries as its {@code nameEn} property (processes/README.md). */
final class EnglishName {
    private EnglishName() {}

    static String of(BaseElement element) {
        if (element == null || element.getExtensionElements() == null) {
            return "";
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> "nameEn".equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElse("");
    }
}
