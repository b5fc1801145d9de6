using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Rules.Deployment;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Deployment
{
    /// <summary>
    /// Damaged templates never crash the analyzer: every truncation and thousands of random edits of real-shaped
    /// templates either read (and go through every deployment rule) or are reported as unreadable.
    /// </summary>
    public class TemplateRobustnessTests
    {
        private const string Yaml = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: &defaults
                Runtime: dotnet6
                Layers: [!Sub "arn:aws:lambda:${AWS::Region}:1:layer:AWS-Parameters-and-Secrets-Lambda-Extension:11"]
                SnapStart:
                  ApplyOn: !If [IsProd, PublishedVersions, None]
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  <<: *defaults
                  Handler: TestProject::Shop.Orders::Handle
                  EphemeralStorage: {Size: 2048}
                  Description: >-
                    folded
                    text
                  Events:
                    Api: {Type: HttpApi}
              Url:
                Type: AWS::Lambda::Url
                Properties:
                  TargetFunctionArn: !Sub
                    - "${Fn}"
                    - Fn: !GetAtt Orders.Arn
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: !Join [":", [!GetAtt Orders.Arn, live]]
            """;

        private const string Json = """
            {
              "Resources": {
                "OrdersFn": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::Shop.Orders::Handler", "Runtime": "provided.al2023",
                  "SnapStart": { "ApplyOn": "PublishedVersions" }, "FileSystemConfigs": [ { "Arn": { "Fn::GetAtt": ["Ap", "Arn"] } } ] } },
                "Live": { "Type": "AWS::Lambda::Alias", "Properties": { "FunctionName": { "Ref": "OrdersFn" }, "ProvisionedConcurrencyConfig": { "ProvisionedConcurrentExecutions": 1 } } },
                "Perm": { "Type": "AWS::Lambda::Permission", "Properties": { "FunctionName": { "Fn::Sub": "${OrdersFn.Arn}" } } }
              }
            }
            """;

        [Theory]
        [InlineData("template.yaml", Yaml)]
        [InlineData("serverless.template", Json)]
        public void EveryTruncation_ReadsOrIsUnreadable(string name, string text)
        {
            for (var length = 0; length <= text.Length; length++)
            {
                Analyze(name, text.Substring(0, length));
            }
        }

        [Theory]
        [InlineData("template.yaml", Yaml)]
        [InlineData("serverless.template", Json)]
        [InlineData("aws-lambda-tools-defaults.json", """{ "function-handler": "TestProject::Shop.Orders::Handler", "snap-start-apply-on": "PublishedVersions", "function-layers": "a,b", "environment-variables": "A=1;B" }""")]
        public void RandomEdits_ReadOrAreUnreadable(string name, string text)
        {
            const string Alphabet = " \t\n\r-:,[]{}!&*|>'\"#%@`?<=.$\\abcAZ09";
            var random = new Random(20261201);
            for (var round = 0; round < 1500; round++)
            {
                var builder = new StringBuilder(text);
                for (var edit = random.Next(1, 4); edit > 0; edit--)
                {
                    var position = random.Next(builder.Length + 1);
                    switch (random.Next(3))
                    {
                        case 0 when position < builder.Length:
                            builder.Remove(position, 1);
                            break;
                        case 1 when position < builder.Length:
                            builder[position] = Alphabet[random.Next(Alphabet.Length)];
                            break;
                        default:
                            builder.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                            break;
                    }
                }

                Analyze(name, builder.ToString());
            }
        }

        private static readonly Compilation Compilation = CSharpCompilation.Create(
            "TestProject",
            new[] { CSharpSyntaxTree.ParseText("namespace Shop { public class Orders { public string Handler(string input) => input; } }") });

        private static void Analyze(string name, string text)
        {
            var model = DeploymentModel.Read(ImmutableArray.Create<AdditionalText>(new Template("/0/" + name, text)), CancellationToken.None);
            var file = Assert.Single(model.Files);
            var findings = DeploymentRules.Analyze(model, file, Compilation, CancellationToken.None).ToList();
            if (file.Error != null)
            {
                Assert.Equal("SNAP901", Assert.Single(findings).Finding.Descriptor.Id);
                Assert.InRange(file.Error.Value.Offset, 0, text.Length);

                // The readers report what they cannot read; the catch-all in TemplateFile.Parse is for reader bugs.
                Assert.False(file.Error.Value.Message.StartsWith("the reader stopped", StringComparison.Ordinal), file.Error.Value.Message + "\n" + text);
            }

            foreach (var (finding, arguments) in findings)
            {
                Assert.InRange(finding.Span.End, 0, text.Length);
                Assert.NotEmpty(string.Format(System.Globalization.CultureInfo.InvariantCulture, finding.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments));
            }
        }

        private sealed class Template : AdditionalText
        {
            private readonly SourceText _text;

            public Template(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
