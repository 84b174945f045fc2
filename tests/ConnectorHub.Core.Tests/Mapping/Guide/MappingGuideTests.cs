using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Tests.Mapping.Normalizers;

namespace ConnectorHub.Core.Tests.Mapping.Guide;

/// <summary>Every example of docs/mapping.md runs here, so the guide stays true.</summary>
public sealed class MappingGuideTests
{
    public static TheoryData<int, string> BlockLines()
    {
        var data = new TheoryData<int, string>();
        foreach (var block in MappingGuide.Blocks())
        {
            data.Add(block.Line, block.Language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BlockLines))]
    public void EveryMappingInTheGuide_Compiles(int line, string language)
    {
        var block = MappingGuide.Blocks().Single(b => b.Line == line);

        var whole = block.Text.Contains("entity", StringComparison.Ordinal);
        Assert.True(whole || block.FragmentEntity is not null, $"docs/mapping.md line {line}: a {language} block that is not a whole mapping needs a '<!-- fragment: ENTITY -->' line before it");
        var text = whole ? block.Text : $"entity: {block.FragmentEntity}\nfields:\n" + string.Join('\n', block.Text.Split('\n').Select(l => "  " + l));

        var mapping = MappingCompiler.Compile(text, $"mapping.md line {line}.{language}");

        Assert.NotNull(mapping);
    }

    [Fact]
    public void TheCompleteExample_MapsAHubSpotContact_AsTheGuideSays()
    {
        var mapping = MappingCompiler.Compile(MappingGuide.Blocks()[0].Text, "contacts.yaml");

        var outcome = mapping.Map(Samples.HubSpotContact(id: "51", email: " Ann.Lee@Example.COM ", phone: "(415) 555-0132"));

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        var entity = outcome.Entity!;
        Assert.Equal(
            ["hubspot.contact_id:51", "email:ann.lee@example.com", "phone:+14155550132"],
            entity["identifiers"]!.AsArray().Select(i => $"{i!["type"]}:{i["value"]}"));
        Assert.Equal("Ann", entity["traits"]!["first_name"]!.GetValue<string>());
        Assert.Equal("GB", entity["traits"]!["address"]!["country"]!.GetValue<string>());
        Assert.Equal("2024-06-01T08:00:00+00:00", entity["observed_at"]!.GetValue<string>());
        Assert.Equal("Ann Lee", entity["traits"]!["full_name"]!.GetValue<string>());
    }

    [Fact]
    public void TheSquareExample_MapsASquareOrder()
    {
        var block = MappingGuide.Blocks().Single(b => b.Text.Contains("entity: order", StringComparison.Ordinal));

        var outcome = MappingCompiler.Compile(block.Text, "orders.yaml").Map(Samples.SquareOrder());

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        Assert.Equal("online", outcome.Entity!["channel"]!.GetValue<string>());
        Assert.Equal("Latte (Large)", outcome.Entity!["line_items"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void TheTemplateExamples_RenderAsTheGuideSays()
    {
        var block = MappingGuide.Blocks().Single(b => b.Text.Contains("traits.email_hash", StringComparison.Ordinal));
        var mapping = MappingCompiler.Compile($"entity: profile_fragment\nfields:\n  record_key: {{ const: r1 }}\n" + string.Join('\n', block.Text.Split('\n').Select(l => "  " + l)), "templates.yaml");

        var outcome = mapping.Map(Samples.Parse("""
            {
              "properties": { "firstname": " Ann ", "lastname": "Lee", "mobile": "07911 123456", "seen": "2024-03-05 14:00",
                              "email": "Ann@Example.com", "nickname": "  " },
              "source": { "name": "Square Online" },
              "actions": [ { "action_type": "view", "value": "7" }, { "action_type": "purchase", "value": "2" } ]
            }
            """), new MappingOptions { ValidateAgainstSchema = false });

        Assert.True(outcome.IsMapped, string.Join("; ", outcome.Errors));
        var traits = outcome.Entity!["traits"]!;
        Assert.Equal("Ann Lee", traits["full_name"]!.GetValue<string>());
        Assert.Equal("+447911123456", traits["phone"]!.GetValue<string>());
        Assert.Equal("2024-03-05T14:00:00+01:00", outcome.Entity!["observed_at"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("ann@example.com"u8)), traits["email_hash"]!.GetValue<string>());
        Assert.Equal("Ann", traits["display"]!.GetValue<string>().Trim());
        Assert.Equal("online", traits["channel"]!.GetValue<string>());
        Assert.Equal("2", traits["purchases"]!.GetValue<string>());
    }

    [Fact]
    public void ThePhoneTable_IsWhatThePhoneNormalizerDoes()
    {
        var rows = MappingGuide.TableRows(MappingGuide.Section("`phone`"));

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var region = row[1] == "any" ? null : row[1];
            var expected = MappingGuide.Quoted(row[2])[0];
            foreach (var input in MappingGuide.Quoted(row[0]))
            {
                Assert.Equal(expected, Normalize.Text("phone", input, defaults: Normalize.In(region)));
            }
        }
    }

    [Fact]
    public void TheDateTimeTable_IsWhatTheDateTimeNormalizerDoes()
    {
        var rows = MappingGuide.TableRows(MappingGuide.Section("`datetime`")).Where(r => MappingGuide.Quoted(r[2]).Count > 0).ToArray();

        Assert.True(rows.Length > 5);
        foreach (var row in rows)
        {
            var arguments = new Dictionary<string, string>();
            if (row[1] is not ("any" or "..."))
            {
                arguments["zone"] = row[1];
            }

            foreach (var order in new[] { "mdy", "dmy" }.Where(o => row[0].Contains($"({o})", StringComparison.Ordinal)))
            {
                arguments["order"] = order;
            }

            foreach (var input in MappingGuide.Quoted(row[0]))
            {
                Assert.Equal(MappingGuide.Quoted(row[2])[0], Normalize.Text("datetime", input, arguments));
            }
        }
    }

    [Theory]
    [InlineData("email")]
    [InlineData("country")]
    [InlineData("name")]
    [InlineData("date")]
    [InlineData("currency")]
    [InlineData("minor_units")]
    public void TheNormalizerExamples_AreWhatTheNormalizersDo(string normalizer)
    {
        var examples = MappingGuide.Arrows(MappingGuide.Section($"`{normalizer}`"));

        Assert.NotEmpty(examples);
        foreach (var (input, output) in examples)
        {
            JsonNode value = input.StartsWith('{') ? JsonNode.Parse(input)! : JsonValue.Create(input.Trim('"'));
            Assert.Equal(output, Normalize.Text(normalizer, value, defaults: NormalizerDefaults.Utc));
        }
    }
}
