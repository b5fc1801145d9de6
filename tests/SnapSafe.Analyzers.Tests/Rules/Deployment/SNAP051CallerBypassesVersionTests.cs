using System.Threading.Tasks;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.Deployment.DeploymentVerifier;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules.Deployment
{
    public class SNAP051CallerBypassesVersionTests
    {
        private const string SamFix = "reference the alias instead (!Ref Orders.Alias, or ${Orders.Arn}:<alias>)";
        private const string RawFix = "reference an AWS::Lambda::Alias or AWS::Lambda::Version of it instead";

        /// <summary>A SAM function with SnapStart and AutoPublishAlias, and a raw one with a version and an alias.</summary>
        private const string Functions = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet8
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
              ReportsFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Reports::Handler
                  Runtime: dotnet8
                  SnapStart:
                    ApplyOn: PublishedVersions
              ReportsVersion:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref ReportsFn
              ReportsLive:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref ReportsFn
                  FunctionVersion: !GetAtt ReportsVersion.Version
                  Name: live

            """;

        [Fact]
        public Task FunctionUrl_OnTheFunctionArn_IsReported_OnTheAliasOrWithAQualifier_IsClean() => VerifyAsync(
            "template.yaml",
            Functions + """
              OrdersUrl:
                Type: AWS::Lambda::Url
                Properties:
                  AuthType: NONE
                  TargetFunctionArn: !GetAtt Orders.Arn
              OrdersQualifiedUrl:
                Type: AWS::Lambda::Url
                Properties:
                  AuthType: NONE
                  TargetFunctionArn: !GetAtt Orders.Arn
                  Qualifier: live
              ReportsUrl:
                Type: AWS::Lambda::Url
                Properties:
                  AuthType: NONE
                  TargetFunctionArn: !Ref ReportsLive
            """,
            VerifyCS.Diagnostic("SNAP051").WithSpan("/0/template.yaml", 32, 26, 32, 44).WithArguments("Orders", "AWS::Lambda::Url 'OrdersUrl'", SamFix));

        [Fact]
        public Task EventSourceMapping_ByName_IsReported_ByAlias_IsClean() => VerifyAsync(
            "template.yaml",
            Functions + """
              QueueMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt Queue.Arn
                  FunctionName: {|#0:!Ref ReportsFn|}
              QueueMappingOnAlias:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt Queue.Arn
                  FunctionName: !Ref ReportsLive
              SamAliasMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt Queue.Arn
                  FunctionName: !Ref Orders.Alias
            """,
            VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("ReportsFn", "AWS::Lambda::EventSourceMapping 'QueueMapping'", RawFix));

        [Fact]
        public Task Permission_OnTheFunction_IsReported() => VerifyAsync(
            "template.yaml",
            Functions + """
              ApiPermission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: {|#0:!GetAtt ReportsFn.Arn|}
                  Principal: apigateway.amazonaws.com
              AliasPermission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: !Ref ReportsLive
                  Principal: apigateway.amazonaws.com
            """,
            VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("ReportsFn", "AWS::Lambda::Permission 'ApiPermission'", RawFix));

        [Fact]
        public Task ApiIntegrations_BuiltFromTheArn_AreReported_WithAnAliasSuffix_AreClean() => VerifyAsync(
            "template.yaml",
            Functions + """
              GetMethod:
                Type: AWS::ApiGateway::Method
                Properties:
                  HttpMethod: GET
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    Uri: {|#0:!Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations"|}
              PostMethod:
                Type: AWS::ApiGateway::Method
                Properties:
                  HttpMethod: POST
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}:live/invocations"
              HttpIntegration:
                Type: AWS::ApiGatewayV2::Integration
                Properties:
                  ApiId: !Ref HttpApi
                  IntegrationType: AWS_PROXY
                  IntegrationUri: {|#1:!GetAtt ReportsFn.Arn|}
              HttpIntegrationOnAlias:
                Type: AWS::ApiGatewayV2::Integration
                Properties:
                  ApiId: !Ref HttpApi
                  IntegrationType: AWS_PROXY
                  IntegrationUri: !Join [":", [!GetAtt ReportsFn.Arn, live]]
            """,
            VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("Orders", "AWS::ApiGateway::Method 'GetMethod'", SamFix),
            VerifyCS.Diagnostic("SNAP051").WithLocation(1).WithArguments("ReportsFn", "AWS::ApiGatewayV2::Integration 'HttpIntegration'", RawFix));

        [Fact]
        public Task StepFunctionsAndEventBridgeTargets() => VerifyAsync(
            "template.yaml",
            Functions + """
              Workflow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachine.asl.json
                  DefinitionSubstitutions:
                    OrdersArn: {|#0:!GetAtt Orders.Arn|}
                    ReportsArn: !Ref ReportsLive
                  Policies:
                    - LambdaInvokePolicy:
                        FunctionName: !Ref Orders
              RawWorkflow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: !GetAtt WorkflowRole.Arn
                  Definition:
                    StartAt: Report
                    States:
                      Report:
                        Type: Task
                        Resource: arn:aws:states:::lambda:invoke
                        Parameters:
                          FunctionName: {|#1:!GetAtt ReportsFn.Arn|}
                        End: true
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: rate(1 day)
                  Targets:
                    - Id: orders
                      Arn: {|#2:!GetAtt Orders.Arn|}
                    - Id: reports
                      Arn: !Ref ReportsLive
            """,
            VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("Orders", "AWS::Serverless::StateMachine 'Workflow'", SamFix),
            VerifyCS.Diagnostic("SNAP051").WithLocation(1).WithArguments("ReportsFn", "AWS::StepFunctions::StateMachine 'RawWorkflow'", RawFix),
            VerifyCS.Diagnostic("SNAP051").WithLocation(2).WithArguments("Orders", "AWS::Events::Rule 'Nightly'", SamFix));

        [Fact]
        public Task SubVariables_AndQualifiedForms()
            => VerifyAsync(
                "template.yaml",
                Functions + """
                  DirectSub:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: NONE
                      TargetFunctionArn: !Sub "${Orders.Arn}:live"
                  VariableSub:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      Principal: sns.amazonaws.com
                      FunctionName: !Sub
                        - "${Target}"
                        - Target: {|#0:!GetAtt ReportsFn.Arn|}
                  QualifiedVariableSub:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      Principal: sns.amazonaws.com
                      FunctionName: !Sub
                        - "${Target}:live"
                        - Target: !GetAtt ReportsFn.Arn
                """,
                VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("ReportsFn", "AWS::Lambda::Permission 'VariableSub'", RawFix));

        [Fact]
        public Task PoliciesAlarmsAndOutputs_NameTheFunctionButDoNotCallIt() => VerifyAsync(
            "template.yaml",
            Functions + """
              InvokerRole:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: invoke
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: lambda:InvokeFunction
                            Resource: !GetAtt Orders.Arn
              ErrorsAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Orders
            Outputs:
              OrdersArn:
                Value: !GetAtt Orders.Arn
            """);

        [Fact]
        public Task SamEvents_OfAFunctionWithAutoPublishAlias_AreWiredToTheAlias() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
                  FunctionUrlConfig:
                    AuthType: NONE
                  Events:
                    Api:
                      Type: HttpApi
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
            """);

        [Fact]
        public Task SamEvents_OfAFunctionWithAVersionButNoAlias_AreReportedOnEachEvent() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
                  {|#0:FunctionUrlConfig|}:
                    AuthType: NONE
                  Events:
                    {|#1:Api|}:
                      Type: HttpApi
              OrdersVersion:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Orders
            """,
            VerifyCS.Diagnostic("SNAP051").WithLocation(1).WithArguments("Orders", "Event 'Api'", "add AutoPublishAlias, and SAM wires it to the alias"),
            VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("Orders", "The function URL of FunctionUrlConfig", "add AutoPublishAlias, and SAM wires it to the alias"));

        [Fact]
        public Task SamEvents_OfAFunctionWithNoVersionAtAll_AreLeftToSnap050() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  {|#0:SnapStart|}:
                    ApplyOn: PublishedVersions
                  Events:
                    Api:
                      Type: HttpApi
            """,
            VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("Orders", "add AutoPublishAlias (or an AWS::Lambda::Version) and invoke the alias"));

        [Fact]
        public Task CallersOfAFunctionWithoutSnapStart_AreClean() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              OrdersFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
              OrdersUrl:
                Type: AWS::Lambda::Url
                Properties:
                  AuthType: NONE
                  TargetFunctionArn: !GetAtt OrdersFn.Arn
            """);

        [Fact]
        public Task Json_LongFormReferences() => VerifyAsync(
            "serverless.template",
            """
            {
              "Resources": {
                "OrdersFn": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": { "Handler": "TestProject::Shop.Orders::Handler", "Runtime": "dotnet8", "SnapStart": { "ApplyOn": "PublishedVersions" } }
                },
                "OrdersVersion": { "Type": "AWS::Lambda::Version", "Properties": { "FunctionName": { "Ref": "OrdersFn" } } },
                "Mapping": {
                  "Type": "AWS::Lambda::EventSourceMapping",
                  "Properties": { "EventSourceArn": { "Fn::GetAtt": ["Queue", "Arn"] }, "FunctionName": { "Fn::GetAtt": ["OrdersFn", "Arn"] } }
                },
                "Topic": {
                  "Type": "AWS::SNS::Topic",
                  "Properties": { "Subscription": [ { "Protocol": "lambda", "Endpoint": { "Fn::Join": [":", [{ "Fn::GetAtt": ["OrdersFn", "Arn"] }, "live"]] } } ] }
                }
              }
            }
            """,
            VerifyCS.Diagnostic("SNAP051").WithSpan("/0/serverless.template", 10, 93, 10, 130).WithArguments("OrdersFn", "AWS::Lambda::EventSourceMapping 'Mapping'", RawFix));

        [Fact]
        public Task ToolsDefaults_FunctionUrlEnable_IsReported() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": true,
              "snap-start-apply-on": "PublishedVersions",
              {|#0:"function-url-enable"|}: true
            }
            """,
            VerifyCS.Diagnostic("SNAP051").WithLocation(0).WithArguments("aws-lambda-tools-defaults.json", "The function URL that dotnet lambda deploy-function creates", "create the URL on an alias instead (aws lambda create-function-url-config --qualifier)"));
    }
}
