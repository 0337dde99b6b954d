package com.architectbot.knowledge.embedding;

import com.architectbot.knowledge.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantised, run in this process by ONNX Runtime: no network, no provider account, about 4 ms a
 * sentence on one core. The model ships inside the jar; it is loaded (under a second) on first use, once per
 * process, so a bot whose tenants keep no knowledge never loads it.
 */
public final class InProcessEmbedder implements Embedder {

    private static final String MODEL = "all-minilm-l6-v2-q";

    /** Thread-safe; one per process. */
    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = Model.INSTANCE.embedAll(segments).content();
        embeddings.forEach(Embedding::normalize); // unit length: a dot product is the cosine
        return embeddings.stream().map(Embedding::vector).toList();
    }
}
