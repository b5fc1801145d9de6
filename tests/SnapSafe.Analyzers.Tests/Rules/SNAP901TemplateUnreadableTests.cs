using System.Threading.Tasks;
using Xunit;
using static SnapSafe.Analyzers.Tests.Configuration.TemplateLinkingTests;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>
    /// SNAP901: a template that does not parse, JSON, YAML or aws-lambda-tools-defaults.json, is reported where
    /// reading stopped, and SnapStart stays on for the handlers (nothing is silenced by a template SnapSafe could not
    /// read). That the deployment rules say nothing about it: SNAP050NoVersionPublishedTests.
    /// </summary>
    public class SNAP901TemplateUnreadableTests
    {
        [Fact]
        public Task MalformedTemplate_IsReportedAndSnapStartStaysOn() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[] { ("serverless.template", "{ \"Resources\": { \"Orders\": [1, 2 }") },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP002").WithLocation(1).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP901").WithSpan("/0/serverless.template", 1, 34, 1, 34).WithArguments("serverless.template", "expected ',' or ']'"));

        [Fact]
        public Task MalformedYaml_IsReported() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[] { ("template.yaml", "Resources:\n  Orders:\n    Type: AWS::Serverless::Function\n    Layers: [a, b\n  Reports:\n    Type: AWS::Serverless::Function\n") },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP002").WithLocation(1).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP901").WithSpan("/0/template.yaml", 4, 13, 4, 13).WithArguments("template.yaml", "a flow sequence is not closed"));

        [Fact]
        public Task MalformedToolsDefaults_IsReported() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[] { ("aws-lambda-tools-defaults.json", "{ \"function-handler\": \"TestProject::Shop.Orders::Handler\",\n  \"snap-start-apply-on\" \"None\" }") },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP002").WithLocation(1).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP901").WithSpan("/0/aws-lambda-tools-defaults.json", 2, 25, 2, 25).WithArguments("aws-lambda-tools-defaults.json", "expected ':'"));
    }
}
