using SnapSafe.Analyzers.Deployment;
using Xunit;
using static SnapSafe.Analyzers.Tests.Deployment.TemplateTree;

namespace SnapSafe.Analyzers.Tests.Deployment
{
    /// <summary>The JSON reader: positions of keys and values, scalar kinds, comments, and where reading stops.</summary>
    public class JsonTemplateReaderTests
    {
        [Fact]
        public void KeysAndValues_KeepTheirLineAndColumn()
        {
            var text = """
                {
                  "Resources": {
                    "Orders": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": { "Handler": "Shop::Shop.Orders::Handler", "SnapStart": { "ApplyOn": "PublishedVersions" } }
                    }
                  }
                }
                """;
            var root = ReadJson(text);

            var snapStart = EntryAt(root, "Resources", "Orders", "Properties", "SnapStart");
            Assert.Equal((5, 64), Start(snapStart.Key));
            Assert.Equal("\"SnapStart\"", Source(text, snapStart.Key));
            var handler = At(root, "Resources", "Orders", "Properties", "Handler");
            Assert.Equal((5, 34), Start(handler));
            Assert.Equal("Shop::Shop.Orders::Handler", Text(handler));
            Assert.Equal(ScalarStyle.Quoted, Assert.IsType<TemplateScalar>(handler).Style);
            Assert.True(Assert.IsType<TemplateMapping>(At(root, "Resources", "Orders", "Properties")).IsFlow);
        }

        [Fact]
        public void Scalars_NumbersBooleansNullAndEscapes()
        {
            var root = ReadJson("""{ "size": 1024, "publish": true, "off": false, "role": null, "text": "a\tb\u00e9\"", "list": [1, "2", { "Ref": "Fn" }] }""");

            Assert.Equal("1024", Text(At(root, "size")));
            Assert.True(Assert.IsType<TemplateScalar>(At(root, "publish")).IsTrue);
            Assert.False(Assert.IsType<TemplateScalar>(At(root, "off")).IsTrue);
            Assert.True(Assert.IsType<TemplateScalar>(At(root, "role")).IsNull);
            Assert.Equal("a\tb\u00e9\"", Text(At(root, "text")));
            Assert.False(Assert.IsType<TemplateScalar>(At(root, "list", "1")).IsTrue);
            Assert.True(TemplateIntrinsics.TryGet(At(root, "list", "2"), out var name, out var argument));
            Assert.Equal("Ref", name);
            Assert.Equal("Fn", Text(argument));
        }

        [Fact]
        public void Comments_AsTheAwsToolingWritesThem_AreSkipped()
        {
            var root = ReadJson("""
                {
                  // written by the AWS toolkit
                  "function-handler": "Shop::Shop.Orders::Handler", /* inline */
                  "snap-start-apply-on": "PublishedVersions"
                }
                """);

            Assert.Equal((4, 26), Start(At(root, "snap-start-apply-on")));
        }

        [Theory]
        [InlineData("{ \"Resources\": { \"Orders\": [1, 2 }", 1, 34, "expected ',' or ']'")]
        [InlineData("{ \"a\": 1,\n  \"b\" 2 }", 2, 7, "expected ':'")]
        [InlineData("{ \"a\": \"open }", 1, 8, "unterminated string")]
        [InlineData("{ \"a\": tru }", 1, 8, "unexpected character")]
        [InlineData("{ \"a\": 1 } extra", 1, 12, "unexpected text after the JSON value")]
        [InlineData("{ a: 1 }", 1, 3, "expected a property name")]
        [InlineData("{ \"a\": [1,", 1, 11, "unexpected end of file")]
        public void UnreadableInput_IsAnErrorAtThePositionWhereReadingStopped(string text, int line, int column, string message)
        {
            var result = JsonTemplateReader.Read(text);

            Assert.False(result.Succeeded);
            Assert.Equal(message, result.Error!.Value.Message);
            var position = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.GetLinePosition(result.Error.Value.Offset);
            Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
        }

        [Fact]
        public void DeepNesting_IsAnErrorNotACrash()
        {
            var result = JsonTemplateReader.Read(new string('[', 1000) + new string(']', 1000));

            Assert.False(result.Succeeded);
            Assert.Equal("nesting is too deep", result.Error!.Value.Message);
        }
    }
}
