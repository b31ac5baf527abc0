package io.github.koppel.matching;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.DomainArbitraries;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Telling more never lowers a volunteer (#13): under the bundled policies, adding a wish (an
 * interest, a wish to practise a language, a preference, a talent to learn) or consenting to the
 * use of one's target group never lowers the volunteer's score, gates or rank for any vacancy, on
 * the object path and on the compiled path.
 */
final class WishProperties {

  /** One way of telling the counter more. */
  enum Wish { INTEREST, PRACTISE, NEW_PRACTISED_LANGUAGE, REGULARITY, SETTING, REMOTE_OK, PREFERS_REMOTE, LEARN, TARGET_GROUP_CONSENT }

  @Provide
  Arbitrary<Dataset> cities() {
    return DomainArbitraries.datasets().filter(d -> !d.vacancies().isEmpty() && !d.volunteers().isEmpty());
  }

  @Provide
  Arbitrary<MatchPolicy> bundled() {
    return Arbitraries.of(MatchPolicies.inclusiveDefault(), MatchPolicies.volunteerWishes());
  }

  @Property(tries = 400)
  void tellingMoreNeverLowersScoreOrRank(
      @ForAll("cities") Dataset city,
      @ForAll("bundled") MatchPolicy policy,
      @ForAll Wish wish,
      @ForAll int which,
      @ForAll("sectors") String sector,
      @ForAll("talentIds") String talent) {
    Volunteer v = city.volunteers().get(Math.floorMod(which, city.volunteers().size()));
    Volunteer told = tell(v, wish, sector, talent);
    Assume.that(told != null && !told.equals(v));
    MatchEngine objects = MatchEngine.builder(city).policy(policy).date(DAY).build();
    MatchEngine compiled =
        MatchEngine.builder(city).policy(policy).date(DAY).strategy(MatchEngine.Strategy.COMPILED).checkMode(MatchEngine.CheckMode.COMPARE).build();
    MatchEngine objectsAfter = objects.withVolunteer(told);
    MatchEngine compiledAfter = compiled.withVolunteer(told);
    boolean rose = false;
    for (Vacancy vacancy : city.vacancies()) {
      MatchExplanation before = objects.explain(v, vacancy);
      MatchExplanation after = objects.explain(told, vacancy);
      assertTrue(after.score().hard() >= before.score().hard(), () -> wish + " " + before + " -> " + after);
      assertTrue(after.score().soft() >= before.score().soft(), () -> wish + " " + before + " -> " + after);
      rose |= after.score().soft() > before.score().soft();
      for (MatchEngine[] pair : List.of(new MatchEngine[] {objects, objectsAfter}, new MatchEngine[] {compiled, compiledAfter})) {
        int was = position(pair[0].rankVolunteers(vacancy.id(), Integer.MAX_VALUE), v.id());
        int is = position(pair[1].rankVolunteers(vacancy.id(), Integer.MAX_VALUE), v.id());
        assertTrue(is <= was, () -> wish + ": rank " + was + " -> " + is + " for " + vacancy.id());
      }
    }
    Statistics.label("wish").collect(wish);
    Statistics.label("effect").collect(rose ? "raised somewhere" : "no change");
    Statistics.label("wish").coverage(c -> {
      for (Wish w : Wish.values()) {
        c.check(w).count(n -> n > 0);
      }
    });
    Statistics.label("effect").coverage(c -> c.check("raised somewhere").percentage(p -> p > 5));
  }

  @Provide
  Arbitrary<String> sectors() {
    return DomainArbitraries.sectorIds();
  }

  @Provide
  Arbitrary<String> talentIds() {
    return DomainArbitraries.talentIds();
  }

  /** The 1-based position among the matches, or a position after all of them if not matched. */
  private static int position(Ranking ranking, String id) {
    for (Match m : ranking.matches()) {
      if (m.volunteerId().equals(id)) {
        return m.rank();
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Returns the volunteer having told one thing more, or null when that is already told. */
  static Volunteer tell(Volunteer v, Wish wish, String sector, String talent) {
    Preferences p = v.preferences();
    return switch (wish) {
      case INTEREST -> {
        Set<String> interests = new TreeSet<>(v.interests());
        yield interests.add(sector) ? v.toBuilder().interests(interests).build() : null;
      }
      case PRACTISE -> {
        List<LanguageSkill> skills = new ArrayList<>(v.languages());
        for (int i = 0; i < skills.size(); i++) {
          LanguageSkill s = skills.get(i);
          if (!s.wantsToPractise()) {
            skills.set(i, new LanguageSkill(s.language(), s.level(), true));
            yield v.toBuilder().languages(skills).build();
          }
        }
        yield null;
      }
      case NEW_PRACTISED_LANGUAGE ->
          v.language("nl") != null ? null : v.toBuilder().language(LanguageSkill.practising("nl", CefrLevel.A1)).build();
      case REGULARITY ->
          p.regularity() != null ? null
              : v.toBuilder().preferences(new Preferences(p.remoteOk(), Regularity.REGULAR, p.socialSetting(), p.prefersRemote())).build();
      case SETTING ->
          p.socialSetting() != null ? null
              : v.toBuilder().preferences(new Preferences(p.remoteOk(), p.regularity(), SocialSetting.GROUP, p.prefersRemote())).build();
      case REMOTE_OK ->
          p.remoteOk() ? null
              : v.toBuilder().preferences(new Preferences(true, p.regularity(), p.socialSetting(), p.prefersRemote())).build();
      case PREFERS_REMOTE ->
          p.prefersRemote() ? null
              : v.toBuilder().preferences(new Preferences(true, p.regularity(), p.socialSetting(), true)).build();
      case LEARN ->
          v.talents().stream().anyMatch(t -> t.conceptId().equals(talent)) ? null
              : v.toBuilder().talent(Talent.toLearn(talent)).build();
      case TARGET_GROUP_CONSENT -> {
        if (v.targetGroups().isEmpty() || v.consents().stream().anyMatch(c -> c.category() == SensitiveCategory.TARGET_GROUP)) {
          yield null;
        }
        yield v.toBuilder().consent(Consent.full(SensitiveCategory.TARGET_GROUP, DAY)).build();
      }
    };
  }
}
