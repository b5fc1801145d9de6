using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Configuration.ConfiguredVerifier;

namespace SnapSafe.Analyzers.Tests.Configuration
{
    public class TemplateLinkingTests
    {
        // The test compilation's assembly name is TestProject.
        private const string TwoFunctions = @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|#0:Guid.NewGuid()|};
        public string Handler(string input, ILambdaContext context) => input;
    }

    public class Reports
    {
        private readonly Guid _id = {|#1:Guid.NewGuid()|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}";

        [Fact]
        public Task SamJson_SnapStartOnForOneFunctionOnly_ReportsOnlyThatOne() => VerifyCS.VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("serverless.template", @"{
  ""AWSTemplateFormatVersion"": ""2010-09-09"",
  ""Transform"": ""AWS::Serverless-2016-10-31"",
  ""Resources"": {
    ""Orders"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Orders::Handler"", ""SnapStart"": { ""ApplyOn"": ""PublishedVersions"" } } },
    ""Reports"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Reports::Handler"" } }
  }
}"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task SamYaml_GlobalsOnAndOneFunctionOff_ReportsTheOtherOne() => VerifyCS.VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("template.yaml", @"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
# SnapStart for every function unless it says otherwise
Globals:
  Function:
    Runtime: dotnet8
    SnapStart:
      ApplyOn: PublishedVersions
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
      AutoPublishAlias: live
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
      SnapStart: { ApplyOn: None }
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task ToolsDefaults_WithoutSnapStart_SilencesTheProject() => VerifyCS.VerifyWithAdditionalFilesAsync(
            @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Handler(string input, ILambdaContext context) => input + Environment.GetEnvironmentVariable(""AWS_SESSION_TOKEN"");
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""profile"": """", ""function-handler"": ""TestProject::Shop.Orders::Handler"", ""function-runtime"": ""dotnet8"" }") },
            null);

        [Fact]
        public Task EnabledKey_OverridesTemplates() => VerifyCS.VerifyWithAdditionalFilesAsync(
            @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""TestProject::Shop.Orders::Handler"" }") },
            "snapsafe.snapstart = enabled");

        [Fact]
        public Task TemplateHandler_IsAHandlerWithoutILambdaContext() => VerifyCS.VerifyWithAdditionalFilesAsync(
            @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Handler(string input) => input + _id;
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{
  // written by the AWS toolkit
  ""function-handler"": ""TestProject::Shop.Orders::Handler"",
  ""snap-start-apply-on"": ""PublishedVersions""
}") },
            null);

        [Fact]
        public Task RawCloudFormation_LambdaFunctionWithSnapStart_Reports() => VerifyCS.VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("template.yml", @"Resources:
  OrdersFn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
      Runtime: dotnet8
      SnapStart:
        ApplyOn: PublishedVersions
  ReportsFn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
      Runtime: dotnet8
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task MalformedTemplate_IsReportedAndSnapStartStaysOn() => VerifyCS.VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[] { ("serverless.template", "{ \"Resources\": { \"Orders\": [1, 2 }") },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP002").WithLocation(1).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP901").WithSpan("/0/serverless.template", 1, 34, 1, 34).WithArguments("serverless.template", "expected ',' or ']'"));
    }
}
