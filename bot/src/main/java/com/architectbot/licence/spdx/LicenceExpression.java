package com.architectbot.licence.spdx;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A parsed SPDX licence expression. {@code toString()} is canonical: listed ids as SPDX spells them,
 * operators in upper case, and an {@code AND} inside an {@code OR} put in parentheses for the reader
 * (precedence would not need them).
 */
public sealed interface LicenceExpression {

    /** Every leaf licence, left to right. */
    Stream<Term> terms();

    /** A licence, optionally with an exception: what a policy judges. */
    sealed interface Term extends LicenceExpression {
        Licence licence();
    }

    /**
     * One licence: a listed SPDX id, or a {@code LicenseRef-}/{@code DocumentRef-...:LicenseRef-} id.
     *
     * @param orLater the {@code +} suffix ("this version or any later one")
     */
    record Licence(String id, boolean orLater) implements Term {
        public Licence {
            requireNonNull(id, "id");
        }

        public Licence(String id) {
            this(id, false);
        }

        public boolean isReference() {
            return id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-");
        }

        @Override
        public Licence licence() {
            return this;
        }

        @Override
        public Stream<Term> terms() {
            return Stream.of(this);
        }

        @Override
        public String toString() {
            return orLater ? id + "+" : id;
        }
    }

    /** {@code licence WITH exception}, e.g. {@code GPL-2.0-only WITH Classpath-exception-2.0}. */
    record WithException(Licence licence, String exception) implements Term {
        public WithException {
            requireNonNull(licence, "licence");
            requireNonNull(exception, "exception");
        }

        @Override
        public Stream<Term> terms() {
            return Stream.of(this);
        }

        @Override
        public String toString() {
            return licence + " WITH " + exception;
        }
    }

    /** All of them apply (a package bundling code under several licences). */
    record And(List<LicenceExpression> operands) implements LicenceExpression {
        public And {
            operands = atLeastTwo(operands, "AND");
        }

        @Override
        public Stream<Term> terms() {
            return termsOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, "AND", Or.class);
        }
    }

    /** The user may choose any one of them. */
    record Or(List<LicenceExpression> operands) implements LicenceExpression {
        public Or {
            operands = atLeastTwo(operands, "OR");
        }

        @Override
        public Stream<Term> terms() {
            return termsOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, "OR", And.class);
        }
    }

    private static List<LicenceExpression> atLeastTwo(List<LicenceExpression> operands, String operator) {
        List<LicenceExpression> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(operator + " needs two operands or more");
        }
        return copy;
    }

    private static Stream<Term> termsOf(List<LicenceExpression> operands) {
        return operands.stream().flatMap(LicenceExpression::terms);
    }

    /** The other operator nested inside is bracketed for the reader, though precedence would not need it. */
    private static String join(
            List<LicenceExpression> operands, String operator, Class<? extends LicenceExpression> bracketed) {
        return operands.stream()
                .map(o -> bracketed.isInstance(o) ? "(" + o + ")" : o.toString())
                .collect(Collectors.joining(" " + operator + " "));
    }

    /** {@code a AND b AND ...}, flattened, duplicates dropped; a single operand is returned as it is. */
    static LicenceExpression and(List<? extends LicenceExpression> operands) {
        List<LicenceExpression> flat = flatten(operands, e -> e instanceof And and ? and.operands() : List.of(e));
        return flat.size() == 1 ? flat.getFirst() : new And(flat);
    }

    /** {@code a OR b OR ...}, flattened, duplicates dropped; a single operand is returned as it is. */
    static LicenceExpression or(List<? extends LicenceExpression> operands) {
        List<LicenceExpression> flat = flatten(operands, e -> e instanceof Or or ? or.operands() : List.of(e));
        return flat.size() == 1 ? flat.getFirst() : new Or(flat);
    }

    private static List<LicenceExpression> flatten(
            List<? extends LicenceExpression> operands, Function<LicenceExpression, List<LicenceExpression>> parts) {
        List<LicenceExpression> flat = new ArrayList<>();
        operands.stream()
                .map(parts)
                .flatMap(List::stream)
                .filter(p -> !flat.contains(p))
                .forEach(flat::add);
        return flat;
    }
}
