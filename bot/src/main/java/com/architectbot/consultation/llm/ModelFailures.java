package com.architectbot.consultation.llm;

import com.architectbot.consultation.Architect;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

/**
 * Turns what the LangChain4j client threw (after its own retries) into what the queue acts on. Messages
 * name the provider, the endpoint, the elapsed time and the variable to check; never the key, never the
 * question.
 */
final class ModelFailures {

    private final ModelSettings settings;

    ModelFailures(ModelSettings settings) {
        this.settings = settings;
    }

    RuntimeException map(RuntimeException e, Duration elapsed) {
        String evidence = settings.provider().id() + " model '" + settings.modelName() + "' at " + settings.baseUrl()
                + " failed after " + elapsed.toMillis() + " ms";
        if (e instanceof RetriableException) { // timeout, 408, 429, 5xx
            return new RetryableFailure(evidence + ": " + describe(e), e);
        }
        if (causedBy(e, ConnectException.class)) {
            return new RetryableFailure(evidence + ": connection refused. " + whatToSet(), e);
        }
        if (e instanceof AuthenticationException) {
            String check = settings.provider().apiKeyVariable().orElse(settings.baseUrlVariable());
            return permanent("The model provider rejected our credentials: check " + check + ".", evidence, e);
        }
        if (e instanceof UnresolvedModelServerException) {
            return permanent(
                    "The model endpoint could not be found: check " + settings.baseUrlVariable() + ".", evidence, e);
        }
        if (e instanceof ModelNotFoundException) {
            return permanent(
                    "The model provider does not know model '" + settings.modelName() + "': check "
                            + ModelSettings.LLM_MODEL + " and " + settings.baseUrlVariable() + ".",
                    evidence,
                    e);
        }
        if (e instanceof ContentFilteredException) {
            return permanent("The model provider declined to answer this question.", evidence, e);
        }
        if ((e instanceof InvalidRequestException || e instanceof UnsupportedFeatureException) && namesImages(e)) {
            return noVision(evidence + ": the provider refused image input", e);
        }
        if (e instanceof InvalidRequestException || e instanceof UnsupportedFeatureException) {
            return permanent(
                    "The model provider rejected the request: the thread may be too long (start a new" + " thread) or "
                            + ModelSettings.LLM_MODEL + " may not support structured answers.",
                    evidence,
                    e);
        }
        if (causedBy(e, IOException.class)) { // connection reset, closed early: the network, not us
            return new RetryableFailure(evidence + ": the connection broke off", e);
        }
        return permanent("The model provider failed unexpectedly; please ask again later.", evidence, e);
    }

    /**
     * What the user reads when the model cannot read the pictures sent: refused before any call when
     * {@link ModelSettings#vision()} is off, or by the provider.
     */
    static PermanentFailure noVision(String evidence, Throwable cause) {
        return new PermanentFailure(Architect.PICTURES_UNREADABLE, evidence, cause);
    }

    /** A provider's 400 about the request's images ("image input is not supported", "invalid image_url"). */
    private static boolean namesImages(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("image")) {
                return true;
            }
        }
        return false;
    }

    /** Ollama is the default when no key is set: a refused connection then usually means "nothing configured". */
    private String whatToSet() {
        if (settings.provider() == Provider.OLLAMA) {
            return "Start Ollama there or set " + settings.baseUrlVariable() + "; for a hosted model set "
                    + "OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY instead";
        }
        return "Is the server running? Check " + settings.baseUrlVariable();
    }

    /** In words a user can act on; the exception's class name means nothing to them. */
    private String describe(RuntimeException e) {
        if (e instanceof TimeoutException) {
            return "no answer within " + settings.timeout().toSeconds() + " s (" + ModelSettings.LLM_TIMEOUT_SECONDS
                    + ")";
        }
        if (e instanceof RateLimitException) {
            return "the provider is rate limiting us";
        }
        if (e instanceof InternalServerException) {
            return "the provider had a server error";
        }
        return "a temporary failure at the provider";
    }

    private static PermanentFailure permanent(String userMessage, String evidence, RuntimeException e) {
        return new PermanentFailure(userMessage, evidence + ": " + e.getClass().getSimpleName(), e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
