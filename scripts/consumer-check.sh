#!/usr/bin/env bash
# A throwaway consumer project, as a municipality's developer would write one before the first
# release: it imports koppel-bom, depends on koppel-matching and koppel-cli without versions,
# resolves the sources and Javadoc jars of every Koppel module, compiles a class against the API
# and runs it. Needs the modules in the local Maven repository: run `mvn -B install` first (CI
# runs this after `mvn -B verify`, which installs nothing, so it installs without the tests).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$here/pom.xml" | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/example"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>portal</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.github.koppel</groupId>
        <artifactId>koppel-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.github.koppel</groupId>
      <artifactId>koppel-matching</artifactId>
    </dependency>
    <dependency>
      <groupId>io.github.koppel</groupId>
      <artifactId>koppel-cli</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat > "$work/src/main/java/example/Portal.java" <<'JAVA'
package example;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;

public final class Portal {
  public static void main(String[] args) {
    MatchEngine engine = MatchEngine.builder(DemoCity.bundled()).date(DemoCity.REFERENCE_DATE).build();
    Ranking ranking = engine.rankVacancies("persona-amal", 1);
    System.out.println(ranking.matches().get(0).vacancyId());
    System.out.println(ExplanationText.render(ranking.matches().get(0).explanation(), Audience.VOLUNTEER, "nl").lines().findFirst().orElseThrow());
  }
}
JAVA
cd "$work"
mvn -B -q compile
for classifier in sources javadoc; do
  mvn -B -q dependency:resolve -Dclassifier="$classifier" -DincludeGroupIds=io.github.koppel -DoutputFile="$work/$classifier.txt"
  for module in koppel-core koppel-matching koppel-cli; do
    grep -q "io.github.koppel:$module:jar:$classifier:$version" "$work/$classifier.txt" \
      || { echo "consumer check: no $classifier jar of $module $version" >&2; cat "$work/$classifier.txt" >&2; exit 1; }
  done
done
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
out="$(java -cp "target/classes:$(cat "$work/classpath.txt")" example.Portal)"
echo "$out"
echo "$out" | head -1 | grep -q '^vac-' || { echo "consumer check: the portal found no vacancy" >&2; exit 1; }
echo "consumer check: koppel-bom $version imported; sources and Javadoc of koppel-core, koppel-matching and koppel-cli resolved; a portal compiled and ran"
