package io.github.koppel.core.legal;

import java.util.List;

/**
 * The legal view of one (volunteer, vacancy) pair on one day: the gates it fails and the notices
 * that apply.
 *
 * <p>This class is immutable. Failures iterate in {@link Gate} order and notices in {@link
 * NoticeKind} order.
 *
 * @param failures the gates the pair fails; empty when the pair is legally possible
 * @param notices the notices to attach to the match
 * @since 0.1
 */
public record LegalAssessment(List<GateFailure> failures, List<LegalNotice> notices) {

  public LegalAssessment {
    failures = List.copyOf(failures);
    notices = List.copyOf(notices);
  }

  /**
   * Returns whether no gate fails.
   *
   * @return {@code true} when the pair is legally possible
   */
  public boolean isPermitted() {
    return failures.isEmpty();
  }

  /**
   * Returns whether a given gate fails.
   *
   * @param gate a gate
   * @return {@code true} when {@code failures} holds it
   */
  public boolean fails(Gate gate) {
    return failures.stream().anyMatch(f -> f.gate() == gate);
  }

  /**
   * Returns whether a given notice applies.
   *
   * @param kind a notice kind
   * @return {@code true} when {@code notices} holds it
   */
  public boolean has(NoticeKind kind) {
    return notices.stream().anyMatch(n -> n.kind() == kind);
  }

  /** Returns a short diagnostic form, in which sensitive failures and notices are withheld. */
  @Override
  public String toString() {
    return "LegalAssessment{failures=" + failures + ", notices=" + notices + "}";
  }
}
