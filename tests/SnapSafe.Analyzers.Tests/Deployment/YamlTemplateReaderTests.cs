using System.Linq;
using SnapSafe.Analyzers.Deployment;
using Xunit;
using static SnapSafe.Analyzers.Tests.Deployment.TemplateTree;

namespace SnapSafe.Analyzers.Tests.Deployment
{
    /// <summary>
    /// The YAML reader on the shapes SAM and CloudFormation templates use, with the position of every node the rules
    /// report on; and the inputs it reports as unreadable (SNAP901) rather than reading wrongly.
    /// </summary>
    public class YamlTemplateReaderTests
    {
        [Fact]
        public void BlockMappings_KeepTheLineAndColumnOfKeysAndValues()
        {
            var text = """
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      SnapStart:
                        ApplyOn: PublishedVersions
                """;
            var root = ReadYaml(text);

            var snapStart = EntryAt(root, "Resources", "Orders", "Properties", "SnapStart");
            Assert.Equal((5, 7), Start(snapStart.Key));
            Assert.Equal((5, 16), End(snapStart.Key));
            var applyOn = At(root, "Resources", "Orders", "Properties", "SnapStart", "ApplyOn");
            Assert.Equal("PublishedVersions", Text(applyOn));
            Assert.Equal((6, 18), Start(applyOn));
            Assert.Equal("PublishedVersions", Source(text, applyOn));
            Assert.Equal("AWS::Serverless::Function", Text(At(root, "Resources", "Orders", "Type")));
        }

        [Fact]
        public void Sequences_AtTheKeysIndentation_IndentedAndCompact()
        {
            var root = ReadYaml("""
                Policies:
                - AWSLambdaBasicExecutionRole
                - Version: "2012-10-17"
                  Statement:
                  - Effect: Allow
                    Action:
                      - dynamodb:GetItem
                      - dynamodb:PutItem
                    Resource: !GetAtt Table.Arn
                Matrix:
                  - - a
                    - b
                  - - c
                Empty:
                -
                - ''
                """);

            Assert.Equal("AWSLambdaBasicExecutionRole", Text(At(root, "Policies", "0")));
            Assert.Equal("2012-10-17", Text(At(root, "Policies", "1", "Version")));
            Assert.Equal("dynamodb:PutItem", Text(At(root, "Policies", "1", "Statement", "0", "Action", "1")));
            var resource = At(root, "Policies", "1", "Statement", "0", "Resource");
            Assert.Equal("!GetAtt", resource.Tag);
            Assert.Equal("Table.Arn", Text(resource));
            Assert.Equal((9, 15), Start(resource));
            Assert.Equal("b", Text(At(root, "Matrix", "0", "1")));
            Assert.Equal("c", Text(At(root, "Matrix", "1", "0")));
            Assert.True(Assert.IsType<TemplateScalar>(At(root, "Empty", "0")).IsNull);
            Assert.Equal(string.Empty, Text(At(root, "Empty", "1")));
        }

        [Fact]
        public void FlowCollections_NestedTaggedAndAcrossLines()
        {
            var text = """
                Globals:
                  Function:
                    Architectures: [!Ref LambdaArchitecture]
                    Tags: {Team: orders, 'Cost Center': "42"}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                  NotDev: !Not [!Equals [!Ref Stage, dev]]
                Resources:
                  Fn:
                    Properties:
                      FunctionName: !If [IsProd,
                        !Sub "${AWS::StackName}-orders",
                        !Ref "AWS::NoValue"]
                      Layers: [
                        !Ref SharedLayer,
                        "arn:aws:lambda:eu-west-1:123456789012:layer:x:1"
                      ]
                      Empty: {}
                      None: []
                """;
            var root = ReadYaml(text);

            var architecture = At(root, "Globals", "Function", "Architectures", "0");
            Assert.Equal("!Ref", architecture.Tag);
            Assert.Equal("LambdaArchitecture", Text(architecture));
            Assert.Equal((3, 21), Start(architecture));
            Assert.Equal("42", Text(At(root, "Globals", "Function", "Tags", "Cost Center")));
            Assert.Equal("dev", Text(At(root, "Conditions", "NotDev", "0", "1")));
            Assert.Equal("!Equals", At(root, "Conditions", "NotDev", "0").Tag);

            var functionName = At(root, "Resources", "Fn", "Properties", "FunctionName");
            Assert.Equal("!If", functionName.Tag);
            var sub = At(functionName, "1");
            Assert.Equal("!Sub", sub.Tag);
            Assert.Equal("${AWS::StackName}-orders", Text(sub));
            Assert.Equal((12, 9), Start(sub));
            Assert.Equal("AWS::NoValue", Text(At(functionName, "2")));
            Assert.Equal("!Ref SharedLayer", Source(text, At(root, "Resources", "Fn", "Properties", "Layers", "0")));
            Assert.Empty(Assert.IsType<TemplateMapping>(At(root, "Resources", "Fn", "Properties", "Empty")).Entries);
            Assert.Empty(Assert.IsType<TemplateSequence>(At(root, "Resources", "Fn", "Properties", "None")).Items);
        }

        [Fact]
        public void QuotedKeysAndScalars_AreUnquotedAndUnescaped()
        {
            var root = ReadYaml("""
                "Fn::GetAtt": [Orders, Arn]
                'Single': 'it''s # not a comment'
                Double: "tab\there \u00e9 \"quoted\" \\ end"
                Folded: "first
                  second

                  third"
                Joined: "no \
                  space"
                """);

            Assert.Equal("Orders", Text(At(root, "Fn::GetAtt", "0")));
            Assert.Equal("it's # not a comment", Text(At(root, "Single")));
            Assert.Equal("tab\there \u00e9 \"quoted\" \\ end", Text(At(root, "Double")));
            Assert.Equal("first second\nthird", Text(At(root, "Folded")));
            Assert.Equal("no space", Text(At(root, "Joined")));
            Assert.Equal(ScalarStyle.Quoted, Assert.IsType<TemplateScalar>(At(root, "Single")).Style);
        }

        [Fact]
        public void BlockScalars_LiteralFoldedChompingAndIndentation()
        {
            var text = "Literal: |\n  line one\n    indented\n\n  line three\nStrip: |-\n  no newline\n\nKeep: |+\n  kept\n\n\nFolded: >\n  one\n  two\n\n  three\nFoldedStrip: >-\n  a\n  b\nIndicator: |2\n    four spaces\nSub: !Sub |\n  arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations\nAfter: end\n";
            var root = ReadYaml(text);

            Assert.Equal("line one\n  indented\n\nline three\n", Text(At(root, "Literal")));
            Assert.Equal("no newline", Text(At(root, "Strip")));
            Assert.Equal("kept\n\n\n", Text(At(root, "Keep")));
            Assert.Equal("one two\nthree\n", Text(At(root, "Folded")));
            Assert.Equal("a b", Text(At(root, "FoldedStrip")));
            Assert.Equal("  four spaces\n", Text(At(root, "Indicator")));
            var sub = At(root, "Sub");
            Assert.Equal("!Sub", sub.Tag);
            Assert.Contains("${Orders.Arn}/invocations", Text(sub), System.StringComparison.Ordinal);
            Assert.Equal(ScalarStyle.Block, Assert.IsType<TemplateScalar>(sub).Style);
            Assert.Equal("end", Text(At(root, "After")));
            Assert.Equal((1, 10), Start(At(root, "Literal")));
        }

        [Fact]
        public void Comments_AreSkippedWhereverTheyMayStand()
        {
            var root = ReadYaml("""
                # leading comment
                Resources: # trailing comment
                  # indented comment
                  Fn:
                    Type: AWS::Lambda::Function   # after a value
                    Url: http://example.com/a#fragment
                    Hash: "# quoted"
                    List: [a, # inside brackets
                      b]

                  # comment between entries
                  Other:
                    Type: AWS::SNS::Topic
                """);

            Assert.Equal("AWS::Lambda::Function", Text(At(root, "Resources", "Fn", "Type")));
            Assert.Equal("http://example.com/a#fragment", Text(At(root, "Resources", "Fn", "Url")));
            Assert.Equal("# quoted", Text(At(root, "Resources", "Fn", "Hash")));
            Assert.Equal("b", Text(At(root, "Resources", "Fn", "List", "1")));
            Assert.Equal("AWS::SNS::Topic", Text(At(root, "Resources", "Other", "Type")));
        }

        [Fact]
        public void AnchorsAliasesAndMergeKeys_Read()
        {
            var text = """
                Globals:
                  Function: &defaults
                    Runtime: dotnet8
                    MemorySize: 512
                    SnapStart:
                      ApplyOn: PublishedVersions
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      <<: *defaults
                      MemorySize: 1024
                      Handler: Shop::Shop.Orders::Handler
                  Reports:
                    Type: AWS::Serverless::Function
                    Properties: *defaults
                  Tags: &tags [a, b]
                  Again: *tags
                """;
            var root = ReadYaml(text);

            var orders = Assert.IsType<TemplateMapping>(At(root, "Resources", "Orders", "Properties"));
            Assert.Null(orders.Find("<<"));
            Assert.Equal("dotnet8", Text(At(orders, "Runtime")));
            Assert.Equal("1024", Text(At(orders, "MemorySize")));
            Assert.Equal("PublishedVersions", Text(At(orders, "SnapStart", "ApplyOn")));

            // An alias is the anchored node itself, positioned where the anchor was written.
            var reports = At(root, "Resources", "Reports", "Properties");
            Assert.Same(At(root, "Globals", "Function"), reports);
            Assert.Equal((3, 14), Start(At(reports, "Runtime")));
            Assert.Equal("b", Text(At(root, "Resources", "Again", "1")));
        }

        [Theory]
        [InlineData("!Ref Orders", "!Ref", "Orders")]
        [InlineData("!GetAtt Orders.Arn", "!GetAtt", "Orders.Arn")]
        [InlineData("!Sub '${Orders.Arn}:live'", "!Sub", "${Orders.Arn}:live")]
        [InlineData("!Base64 'hello'", "!Base64", "hello")]
        [InlineData("!GetAZs ''", "!GetAZs", "")]
        [InlineData("!ImportValue shared-vpc-id", "!ImportValue", "shared-vpc-id")]
        [InlineData("!Condition IsProd", "!Condition", "IsProd")]
        [InlineData("!!str 1024", "!!str", "1024")]
        public void ShortIntrinsicTags_OnScalars(string value, string tag, string text)
        {
            var node = At(ReadYaml("Value: " + value + "\n"), "Value");
            Assert.Equal(tag, node.Tag);
            Assert.Equal(text, Text(node));
            Assert.Equal((1, 8), Start(node));
        }

        [Theory]
        [InlineData("!Join [':', [!GetAtt Orders.Arn, live]]", "!Join", 2)]
        [InlineData("!If [IsProd, !Ref Orders, !Ref 'AWS::NoValue']", "!If", 3)]
        [InlineData("!Select [0, !GetAZs '']", "!Select", 2)]
        [InlineData("!FindInMap [RegionMap, !Ref 'AWS::Region', Layer]", "!FindInMap", 3)]
        [InlineData("!Equals [!Ref Stage, prod]", "!Equals", 2)]
        [InlineData("!Not [!Condition IsProd]", "!Not", 1)]
        [InlineData("!And [!Condition IsProd, !Condition IsEu]", "!And", 2)]
        [InlineData("!Or [!Condition IsProd, !Condition IsEu]", "!Or", 2)]
        [InlineData("!Split [',', !ImportValue subnets]", "!Split", 2)]
        [InlineData("!Cidr [!GetAtt Vpc.CidrBlock, 6, 5]", "!Cidr", 3)]
        [InlineData("!Sub ['arn:${Fn}:live', {Fn: !GetAtt Orders.Arn}]", "!Sub", 2)]
        public void ShortIntrinsicTags_OnSequences(string value, string tag, int count)
        {
            var node = At(ReadYaml("Value: " + value + "\n"), "Value");
            Assert.Equal(tag, node.Tag);
            Assert.Equal(count, Assert.IsType<TemplateSequence>(node).Items.Length);
        }

        [Fact]
        public void TransformTag_OnAMapping_AndTagsOnTheirOwnLine()
        {
            var root = ReadYaml("""
                Fragment: !Transform
                  Name: AWS::Include
                  Parameters:
                    Location: s3://bucket/swagger.yaml
                TableName:
                  !Ref Table
                Branches: !If
                  - IsProd
                  - live
                  - !Ref AWS::NoValue
                """);

            Assert.Equal("!Transform", At(root, "Fragment").Tag);
            Assert.Equal("AWS::Include", Text(At(root, "Fragment", "Name")));
            Assert.Equal("!Ref", At(root, "TableName").Tag);
            Assert.Equal("Table", Text(At(root, "TableName")));
            Assert.Equal("!If", At(root, "Branches").Tag);
            Assert.Equal("AWS::NoValue", Text(At(root, "Branches", "2")));
        }

        [Fact]
        public void DocumentMarkersAndDirectives_AreRead_AndOnlyTheFirstDocumentCounts()
        {
            var root = ReadYaml("""
                %YAML 1.2
                ---
                AWSTemplateFormatVersion: '2010-09-09'
                Resources: {}
                ...
                ---
                Other: document
                """);

            Assert.Equal("2010-09-09", Text(At(root, "AWSTemplateFormatVersion")));
            Assert.Null(Assert.IsType<TemplateMapping>(root).Find("Other"));
        }

        [Fact]
        public void PlainScalars_FoldAcrossLines_AndWindowsLineEndingsRead()
        {
            var root = ReadYaml("Description: An AWS Serverless\r\n  Application that\r\n\r\n  spans lines.\r\nResources:\r\n  Fn:\r\n    Type: AWS::Lambda::Function\r\n");

            Assert.Equal("An AWS Serverless Application that\nspans lines.", Text(At(root, "Description")));
            var type = At(root, "Resources", "Fn", "Type");
            Assert.Equal((7, 11), Start(type));
            Assert.Equal("AWS::Lambda::Function", Text(type));
        }

        [Fact]
        public void EmptyValues_AreNullScalarsRightAfterTheirKey()
        {
            var root = ReadYaml("Role:\nParameters:\n  Stage:\n    Type: String\n");

            var role = Assert.IsType<TemplateScalar>(At(root, "Role"));
            Assert.True(role.IsNull);
            Assert.Equal((1, 6), Start(role));
            Assert.Equal("String", Text(At(root, "Parameters", "Stage", "Type")));
        }

        [Fact]
        public void ATemplateShapedLikeTheSnapStartSamples_Reads()
        {
            // The shape of AWS's .NET SnapStart sample templates: Globals with a flow sequence of a tag, events,
            // policies as lists of maps, an output with !Sub.
            var root = ReadYaml("""
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31

                Globals:
                  Function:
                    MemorySize: 1024
                    Architectures: [!Ref LambdaArchitecture]
                    Runtime: dotnet8
                    Timeout: 30
                    Tracing: Active
                    Environment:
                      Variables:
                        PRODUCT_TABLE_NAME: !Ref Table

                Parameters:
                  LambdaArchitecture:
                    Type: String
                    AllowedValues:
                      - arm64
                      - x86_64
                    Description: Enter arm64 or x86_64

                Resources:
                  GetProductsFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      AutoPublishAlias: SnapStart
                      SnapStart:
                        ApplyOn: PublishedVersions
                      CodeUri: ./GetProducts/
                      Handler: GetProducts::GetProducts.Function::FunctionHandler
                      Events:
                        Api:
                          Type: HttpApi
                          Properties:
                            Path: /
                            Method: GET
                      Policies:
                        - DynamoDBCrudPolicy:
                            TableName:
                              !Ref Table
                        - Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Action:
                                - dynamodb:Scan
                              Resource: !GetAtt Table.Arn

                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions:
                        - AttributeName: id
                          AttributeType: S
                      BillingMode: PAY_PER_REQUEST

                Outputs:
                  ApiUrl:
                    Description: "API Gateway endpoint URL"
                    Value: !Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com/"
                """);

            Assert.Equal("GetProducts::GetProducts.Function::FunctionHandler", Text(At(root, "Resources", "GetProductsFunction", "Properties", "Handler")));
            Assert.Equal("Table", Text(At(root, "Resources", "GetProductsFunction", "Properties", "Policies", "0", "DynamoDBCrudPolicy", "TableName")));
            Assert.Equal("!Sub", At(root, "Outputs", "ApiUrl", "Value").Tag);
        }

        [Fact]
        public void ATemplateShapedLikeTheToolkitYamlExamples_Reads()
        {
            // A document marker, a quoted runtime in Globals, sequences at their key's indentation, a key with
            // trailing spaces, an image function whose handler is its command, a resource with no properties.
            var root = ReadYaml("---\nAWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: \"dotnet8\"\nResources:\n  Hello:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: Shop::Shop.Functions::Hello\n      CodeUri: ''\n      Policies:\n      - AWSLambdaBasicExecutionRole\n  HelloImage:\n    Type: AWS::Serverless::Function\n    Properties:\n      PackageType: Image\n      ImageConfig:\n        Command: \n        - Shop::Shop.Functions::HelloImage\n      ImageUri: ''\n  Bare:\n    Type: AWS::Serverless::Function    \n");

            Assert.Equal("Shop::Shop.Functions::HelloImage", Text(At(root, "Resources", "HelloImage", "Properties", "ImageConfig", "Command", "0")));
            Assert.Equal("AWS::Serverless::Function", Text(At(root, "Resources", "Bare", "Type")));
            Assert.Equal("dotnet8", Text(At(root, "Globals", "Function", "Runtime")));
        }

        [Theory]
        [InlineData("Resources:\n  Fn:\n    Layers: [a, b\n  Other: x\n", 3, 13, "a flow sequence is not closed")]
        [InlineData("Layers: [a, b\n", 1, 9, "a flow sequence is not closed")]
        [InlineData("Tags: {a: 1\nOther: x\n", 1, 7, "a flow mapping is not closed")]
        [InlineData("Resources:\n\tFn: x\n", 2, 1, "tabs are not allowed for indentation")]
        [InlineData("? complex\n: value\n", 1, 1, "complex mapping keys ('?') are not supported")]
        [InlineData("UserData: !Base64 !Sub 'echo ${AWS::Region}'\n", 1, 19, "a node cannot have two tags (write the inner function in its long form, such as Fn::Sub)")]
        [InlineData("Value: *missing\n", 1, 8, "alias '*missing' has no anchor before it")]
        [InlineData("Value: \"open\n", 1, 8, "unterminated string")]
        [InlineData("Resources:\n  Fn:\n    Type: x\n      Extra: y\n", 4, 12, "mapping values are not allowed here")]
        [InlineData("Resources:\n  Fn:\n    Type: x\n   Extra: y\n", 4, 4, "unexpected indentation")]
        [InlineData("Description: a: b\n", 1, 15, "mapping values are not allowed here")]
        [InlineData("Resources:\n  - a\n  b: c\n", 3, 3, "unexpected indentation")]
        public void UnreadableInput_IsAnErrorAtThePositionWhereReadingStopped(string text, int line, int column, string message)
        {
            var result = YamlTemplateReader.Read(text);

            Assert.False(result.Succeeded);
            var error = result.Error!.Value;
            Assert.Equal(message, error.Message);
            var position = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.GetLinePosition(error.Offset);
            Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
        }

        [Fact]
        public void EmptyAndCommentOnlyDocuments_HaveNoRoot()
        {
            Assert.Null(YamlTemplateReader.Read(string.Empty).Root);
            Assert.True(YamlTemplateReader.Read("# nothing here\n\n").Succeeded);
            Assert.Null(YamlTemplateReader.Read("---\n...\n").Root);
        }

        [Fact]
        public void DeepNesting_IsAnErrorNotACrash()
        {
            var text = string.Concat(Enumerable.Repeat("[", 500)) + string.Concat(Enumerable.Repeat("]", 500));

            var result = YamlTemplateReader.Read("Value: " + text + "\n");

            Assert.False(result.Succeeded);
            Assert.Equal("nesting is too deep", result.Error!.Value.Message);
        }
    }
}
