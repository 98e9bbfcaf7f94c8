package fr.passerelle.processes.support;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A variable scope over a map, for the beans' tests without an engine: they read and write it. */
public final class MapScope {
    private MapScope() {}

    public static VariableScope scope(Map<String, Object> values) {
        return (VariableScope) Proxy.newProxyInstance(
                MapScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> values.get((String) args[0]);
                    case "setVariable" -> {
                        values.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A mutable map of name, value pairs (nulls allowed). */
    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
