package com.architectbot.licence.spdx;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
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
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("AND needs two operands or more");
            }
        }

        @Override
        public Stream<Term> terms() {
            return operands.stream().flatMap(LicenceExpression::terms);
        }

        @Override
        public String toString() {
            return operands.stream()
                    .map(o -> o instanceof Or ? "(" + o + ")" : o.toString())
                    .collect(Collectors.joining(" AND "));
        }
    }

    /** The user may choose any one of them. */
    record Or(List<LicenceExpression> operands) implements LicenceExpression {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("OR needs two operands or more");
            }
        }

        @Override
        public Stream<Term> terms() {
            return operands.stream().flatMap(LicenceExpression::terms);
        }

        @Override
        public String toString() {
            return operands.stream()
                    .map(o -> o instanceof And ? "(" + o + ")" : o.toString())
                    .collect(Collectors.joining(" OR "));
        }
    }

    /** {@code a AND b AND ...}, flattened, duplicates dropped; a single operand is returned as it is. */
    static LicenceExpression and(List<? extends LicenceExpression> operands) {
        List<LicenceExpression> flat = new ArrayList<>();
        for (LicenceExpression operand : operands) {
            List<LicenceExpression> parts = operand instanceof And and ? and.operands() : List.of(operand);
            parts.stream().filter(p -> !flat.contains(p)).forEach(flat::add);
        }
        return flat.size() == 1 ? flat.getFirst() : new And(flat);
    }

    /** {@code a OR b OR ...}, flattened, duplicates dropped; a single operand is returned as it is. */
    static LicenceExpression or(List<? extends LicenceExpression> operands) {
        List<LicenceExpression> flat = new ArrayList<>();
        for (LicenceExpression operand : operands) {
            List<LicenceExpression> parts = operand instanceof Or or ? or.operands() : List.of(operand);
            parts.stream().filter(p -> !flat.contains(p)).forEach(flat::add);
        }
        return flat.size() == 1 ? flat.getFirst() : new Or(flat);
    }
}
