package io.github.koppel.server;

import static io.github.koppel.server.Exchange.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationProblem;
import io.github.koppel.matching.allocation.AllocationSummary;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.evaluation.Evaluator;
import io.github.koppel.matching.evaluation.PolicyEvaluation;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.server.access.Principal;
import io.github.koppel.server.access.Role;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoints that work on the whole city: allocation (staff) and the evaluation of policies on a history (the municipality).
 */
final class AnalysisRoutes {
  private final Engines engines;
  private final Exchange exchange;
  private final KoppelJson json;
  private final LocalDate date;

  AnalysisRoutes(Engines engines, Exchange exchange, KoppelJson json, LocalDate date) {
    this.engines = engines;
    this.exchange = exchange;
    this.json = json;
    this.date = date;
  }


  /**
   * Allocates every volunteer to at most one open vacancy, by staff: {@code ?mode=} optimal
   * (default), stable, stable-vacancies or greedy; an optional body {@code {"teams": [{"id":
   * ..., "members": [...]}]}} places teams together.
   */
  void allocate(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY && p.role() != Role.COUNSELLOR) {
      throw forbidden("only the municipality and counsellors allocate: an allocation places every volunteer");
    }
    String modeName = ctx.queryParam("mode") == null ? "optimal" : ctx.queryParam("mode");
    AllocationMode mode;
    try {
      mode = AllocationMode.ofShortName(modeName);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("mode", modeName, e.getMessage());
    }
    List<AllocationProblem.Team> teams = new ArrayList<>();
    JsonNode body = exchange.optionalTree(ctx);
    if (body != null) {
      fieldsOnly(body, "request body", Set.of("teams"));
      JsonNode list = body.path("teams");
      if (!list.isMissingNode() && !list.isArray()) {
        throw Problem.badParameter("teams", list.toString(), "teams must be a list of {\"id\": ..., \"members\": [...]}");
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode t = list.get(i);
        String where = "teams[" + i + "]";
        if (!t.path("id").isTextual() || !t.path("members").isArray()) {
          throw Problem.badParameter(where, t.toString(), where + " must have a text id and a list of members");
        }
        List<String> members = new ArrayList<>();
        for (JsonNode m : t.get("members")) {
          if (!m.isTextual()) {
            throw Problem.badParameter(where + ".members", m.toString(), "a member is a volunteer's id");
          }
          members.add(m.asText());
        }
        try {
          teams.add(new AllocationProblem.Team(t.get("id").asText(), members));
        } catch (IllegalArgumentException e) {
          throw Problem.badParameter(where, t.toString(), e.getMessage());
        }
      }
    }
    Engines.Live live = engines.current();
    AllocationProblem problem;
    try {
      problem = Allocations.problem(live.engine(), MatchPolicies.volunteerWishes(), teams);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("teams", "", e.getMessage());
    }
    Allocation allocation = Allocator.allocate(problem, mode);
    exchange.record(ctx, AllocationSummary.of(allocation, audience(p.role())), live.version());
  }

  /**
   * Evaluates policies on a history, by the municipality: an optional body {@code {"policies":
   * [...], "history": {...}}}, each policy a bundled name or a policy document, the history in its
   * JSON form; without, both bundled policies on the history the volunteers record.
   */
  void evaluate(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY) {
      throw forbidden("only the municipality evaluates policies");
    }
    int k = k(ctx);
    if (k == 0) {
      throw Problem.badParameter("k", "0", "an evaluation needs k of at least 1");
    }
    Engines.Live live = engines.current();
    JsonNode body = exchange.optionalTree(ctx);
    List<MatchPolicy> policies = new ArrayList<>();
    History history = History.of(live.engine().dataset());
    if (body != null) {
      fieldsOnly(body, "request body", Set.of("policies", "history"));
      JsonNode list = body.path("policies");
      if (!list.isMissingNode() && (!list.isArray() || list.isEmpty() || list.size() > 10)) {
        throw Problem.badParameter("policies", list.toString(), "policies must be a list of 1 to 10 names or policy documents");
      }
      for (int i = 0; i < list.size(); i++) {
        policies.add(policy(list.get(i), "policies[" + i + "]"));
      }
      JsonNode h = body.path("history");
      if (!h.isMissingNode()) {
        try {
          history = json.readHistory(new java.io.ByteArrayInputStream(h.toString().getBytes(StandardCharsets.UTF_8)),
              "request body");
        } catch (InvalidDataException e) {
          throw e.relocate("request body", "$.history");
        }
      }
    }
    if (policies.isEmpty()) {
      policies = MatchPolicies.BUNDLED_NAMES.stream().map(n -> MatchPolicies.named(n).orElseThrow()).toList();
    }
    Evaluator evaluator = Evaluator.of(live.engine().dataset(), history, date);
    if (evaluator.queries().isEmpty()) {
      throw Problem.of(422, "nothing-to-evaluate", "Nothing to evaluate",
          "the history has no volunteer who started somewhere on or before " + date);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (MatchPolicy policy : policies) {
      PolicyEvaluation e = evaluator.evaluate(policy, k);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("policy", e.policy());
      r.put("k", e.k());
      r.put("queries", e.volunteerIds().size());
      for (String metric : PolicyEvaluation.METRICS) {
        r.put(metric, e.mean(metric));
      }
      r.put("vacancyCoverage", e.vacancyCoverage());
      r.put("volunteerCoverage", e.volunteerCoverage());
      results.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("day", date.toString());
    out.put("historyEvents", history.events().size());
    out.put("evaluations", results);
    ctx.header("Koppel-Data-Version", Long.toString(live.version()));
    exchange.write(ctx, 200, out);
  }

  private static MatchPolicy policy(JsonNode node, String where) {
    if (node.isTextual()) {
      return MatchPolicies.named(node.asText()).orElseThrow(() -> Problem.badParameter(where, node.asText(),
          "a policy is inclusive-default, volunteer-wishes or a policy document"));
    }
    if (!node.isObject()) {
      throw Problem.badParameter(where, node.toString(), "a policy is inclusive-default, volunteer-wishes or a policy document");
    }
    try {
      return MatchPolicies.fromJson(node.toString());
    } catch (InvalidDataException e) {
      throw e.relocate("request body", "$." + where);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter(where, "", e.getMessage());
    }
  }

}
