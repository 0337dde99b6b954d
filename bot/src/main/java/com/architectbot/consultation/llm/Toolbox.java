package com.architectbot.consultation.llm;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.TenantPreferences;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tools the model may call: plain objects with {@code @Tool} methods, run with LangChain4j's executor. */
final class Toolbox {

    private static final Logger log = LoggerFactory.getLogger(Toolbox.class);
    private static final String TENANT = "tenant";
    /** The status line for tools that do not narrate themselves. */
    static final String LOOKING_UP = "Looking things up...";

    private final List<ToolSpecification> specifications = new ArrayList<>();
    private final Map<String, ToolExecutor> executors = new HashMap<>();
    private final List<ToolNarration> narrations = new ArrayList<>();

    Toolbox(List<?> tools) {
        for (Object tool : tools) {
            if (tool instanceof ToolNarration narration) {
                narrations.add(narration);
            }
            specifications.addAll(ToolSpecifications.toolSpecificationsFrom(tool));
            for (Method method : tool.getClass().getDeclaredMethods()) {
                if (method.isAnnotationPresent(Tool.class)) {
                    String name =
                            ToolSpecifications.toolSpecificationFrom(method).name();
                    executors.put(name, new DefaultToolExecutor(tool, method));
                }
            }
        }
        ToolSpecifications.validateSpecifications(specifications); // two objects must not offer one name
    }

    boolean isEmpty() {
        return specifications.isEmpty();
    }

    List<ToolSpecification> specifications() {
        return List.copyOf(specifications);
    }

    /**
     * Runs each call for the asking tenant; a failure becomes an error result the model can read, not an
     * exception. The tenant's choices travel with the call (a fresh {@link InvocationParameters} each time), so
     * the shared tool objects hold no per-consultation state.
     */
    List<ToolExecutionResultMessage> execute(List<ToolExecutionRequest> calls, TenantPreferences tenant) {
        InvocationContext context = InvocationContext.builder()
                .invocationParameters(InvocationParameters.from(TENANT, requireNonNull(tenant, "tenant")))
                .build();
        return calls.stream()
                .map(call -> ToolExecutionResultMessage.from(call, run(call, context)))
                .toList();
    }

    /** What the calls are about to do, in one plain line with counts only: users watch it while tools run. */
    String statusLine(List<ToolExecutionRequest> calls) {
        return narrations.stream()
                .map(narration -> narration.statusLine(calls))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(LOOKING_UP);
    }

    /** The asking tenant's choices, for a tool method that takes the {@link InvocationParameters} of its call. */
    static TenantPreferences tenantOf(InvocationParameters parameters) {
        return parameters == null
                ? TenantPreferences.DEFAULTS
                : parameters.getOrDefault(TENANT, TenantPreferences.DEFAULTS);
    }

    private String run(ToolExecutionRequest call, InvocationContext context) {
        ToolExecutor executor = executors.get(call.name());
        if (executor == null) {
            log.warn("model asked for unknown tool '{}'; offered: {}", call.name(), executors.keySet());
            return "Error: there is no tool named '" + call.name() + "'. Available: " + executors.keySet();
        }
        try {
            return executor.executeWithContext(call, context).resultText();
        } catch (RuntimeException e) { // arguments the method cannot take
            log.warn("tool '{}' could not run: {}", call.name(), e.getClass().getSimpleName());
            return "Error: the arguments for '" + call.name() + "' were not usable: " + e.getMessage();
        }
    }
}
