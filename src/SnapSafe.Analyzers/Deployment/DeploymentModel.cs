using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>An <c>AWS::Lambda::Version</c> or <c>AWS::Lambda::Alias</c> resource of a function.</summary>
    internal sealed class FunctionVersion
    {
        public FunctionVersion(TemplateEntry resource, bool isAlias, DeployedFunction function, TemplateMapping? properties)
        {
            Resource = resource;
            IsAlias = isAlias;
            Function = function;
            Properties = properties;
        }

        public TemplateEntry Resource { get; }

        public string Name => Resource.Name;

        public bool IsAlias { get; }

        public DeployedFunction Function { get; }

        public TemplateMapping? Properties { get; }
    }

    /// <summary>How a caller is wired to a function.</summary>
    internal enum CallerKind
    {
        /// <summary>Another resource's property names the function (a URL, an event source mapping, a permission, a target).</summary>
        Resource,

        /// <summary>An event under a SAM function's <c>Events</c>: SAM wires it to the alias when the function has <c>AutoPublishAlias</c>.</summary>
        SamEvent,

        /// <summary>A SAM function's <c>FunctionUrlConfig</c>: on the alias when the function has <c>AutoPublishAlias</c>.</summary>
        SamFunctionUrl,

        /// <summary><c>"function-url-enable": true</c> in tools defaults: <c>dotnet lambda deploy-function</c> creates the URL on the function itself.</summary>
        ToolsFunctionUrl,
    }

    /// <summary>Something that invokes a function, and whether it invokes a version or alias or the function itself.</summary>
    internal sealed class FunctionCaller
    {
        public FunctionCaller(DeployedFunction function, CallerKind kind, string caller, TemplateNode node, bool qualified)
        {
            Function = function;
            Kind = kind;
            Caller = caller;
            Node = node;
            Qualified = qualified;
        }

        public DeployedFunction Function { get; }

        public CallerKind Kind { get; }

        /// <summary>Who calls: <c>AWS::Lambda::Url 'OrdersUrl'</c>, <c>event 'Api'</c>, ...</summary>
        public string Caller { get; }

        /// <summary>Where the caller names the function: the reference, the event's key, the URL setting.</summary>
        public TemplateNode Node { get; }

        /// <summary>The caller invokes a version or an alias; false: the unqualified function, that is <c>$LATEST</c>.</summary>
        public bool Qualified { get; }
    }

    /// <summary>
    /// The deployment files of a compilation, read once: SAM and CloudFormation templates (JSON or YAML) and
    /// aws-lambda-tools-defaults.json, with the functions they declare, the versions and aliases published for them
    /// and the resources that call them.
    /// </summary>
    internal sealed class DeploymentModel
    {
        public static readonly DeploymentModel None = new DeploymentModel(
            ImmutableArray<TemplateFile>.Empty, ImmutableArray<DeployedFunction>.Empty, ImmutableArray<FunctionVersion>.Empty, ImmutableArray<FunctionCaller>.Empty);

        /// <summary>
        /// Caller properties by resource type: a reference to a function in one of them is an invocation wired to
        /// whatever it names. IAM policies, outputs and alarms also name functions, but do not invoke them.
        /// </summary>
        private static readonly ImmutableArray<(string Type, string Property)> CallerProperties = ImmutableArray.Create(new (string Type, string Property)[]
        {
            ("AWS::Lambda::Url", "TargetFunctionArn"),
            ("AWS::Lambda::EventSourceMapping", "FunctionName"),
            ("AWS::Lambda::Permission", "FunctionName"),
            ("AWS::Lambda::EventInvokeConfig", "DestinationConfig"),
            ("AWS::Serverless::Function", "EventInvokeConfig"),
            ("AWS::ApiGateway::Method", "Integration"),
            ("AWS::ApiGateway::Authorizer", "AuthorizerUri"),
            ("AWS::ApiGateway::RestApi", "Body"),
            ("AWS::ApiGatewayV2::Integration", "IntegrationUri"),
            ("AWS::ApiGatewayV2::Authorizer", "AuthorizerUri"),
            ("AWS::ApiGatewayV2::Api", "Body"),
            ("AWS::ApiGatewayV2::Api", "Target"),
            ("AWS::Serverless::Api", "DefinitionBody"),
            ("AWS::Serverless::Api", "Auth"),
            ("AWS::Serverless::HttpApi", "DefinitionBody"),
            ("AWS::Serverless::HttpApi", "Auth"),
            ("AWS::StepFunctions::StateMachine", "Definition"),
            ("AWS::StepFunctions::StateMachine", "DefinitionString"),
            ("AWS::StepFunctions::StateMachine", "DefinitionSubstitutions"),
            ("AWS::Serverless::StateMachine", "Definition"),
            ("AWS::Serverless::StateMachine", "DefinitionSubstitutions"),
            ("AWS::Events::Rule", "Targets"),
            ("AWS::Scheduler::Schedule", "Target"),
            ("AWS::Pipes::Pipe", "Target"),
            ("AWS::SNS::Subscription", "Endpoint"),
            ("AWS::SNS::Topic", "Subscription"),
            ("AWS::S3::Bucket", "NotificationConfiguration"),
            ("AWS::Cognito::UserPool", "LambdaConfig"),
            ("AWS::ElasticLoadBalancingV2::TargetGroup", "Targets"),
            ("AWS::Logs::SubscriptionFilter", "DestinationArn"),
            ("AWS::IoT::TopicRule", "TopicRulePayload"),
            ("AWS::AppSync::DataSource", "LambdaConfig"),
            ("AWS::CloudFormation::CustomResource", "ServiceToken"),
        });

        private DeploymentModel(ImmutableArray<TemplateFile> files, ImmutableArray<DeployedFunction> functions, ImmutableArray<FunctionVersion> versions, ImmutableArray<FunctionCaller> callers)
        {
            Files = files;
            Functions = functions;
            Versions = versions;
            Callers = callers;
        }

        /// <summary>Every deployment file, read or not.</summary>
        public ImmutableArray<TemplateFile> Files { get; }

        /// <summary>The functions of every file that could be read.</summary>
        public ImmutableArray<DeployedFunction> Functions { get; }

        /// <summary><c>AWS::Lambda::Version</c> and <c>AWS::Lambda::Alias</c> resources, with the function they name.</summary>
        public ImmutableArray<FunctionVersion> Versions { get; }

        public ImmutableArray<FunctionCaller> Callers { get; }

        /// <summary>The deployment file an AdditionalFile action is about, or null when it is not one.</summary>
        public TemplateFile? FileFor(AdditionalText additionalText)
        {
            foreach (var file in Files)
            {
                if (ReferenceEquals(file.AdditionalText, additionalText))
                {
                    return file;
                }
            }

            foreach (var file in Files)
            {
                if (string.Equals(file.Path, additionalText.Path, StringComparison.Ordinal))
                {
                    return file;
                }
            }

            return null;
        }

        /// <summary>True when a version of the function is published: SAM <c>AutoPublishAlias</c>, an <c>AWS::Lambda::Version</c>, <c>function-publish</c>.</summary>
        public bool IsPublished(DeployedFunction function)
        {
            if (function.Kind == FunctionKind.ToolsDefaults)
            {
                return function.Property("function-publish")?.Value is TemplateScalar publish && publish.IsTrue;
            }

            if (function.HasAutoPublishAlias)
            {
                return true;
            }

            foreach (var version in Versions)
            {
                if (!version.IsAlias && ReferenceEquals(version.Function, function))
                {
                    return true;
                }
            }

            return false;
        }

        public static DeploymentModel Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            var files = ImmutableArray.CreateBuilder<TemplateFile>();
            var functions = ImmutableArray.CreateBuilder<DeployedFunction>();
            var versions = ImmutableArray.CreateBuilder<FunctionVersion>();
            var callers = ImmutableArray.CreateBuilder<FunctionCaller>();
            foreach (var additionalFile in additionalFiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = TemplateFile.Read(additionalFile, cancellationToken);
                if (file == null)
                {
                    continue;
                }

                files.Add(file);
                if (file.RootMapping is TemplateMapping root)
                {
                    if (file.Kind == TemplateKind.ToolsDefaults)
                    {
                        ReadToolsDefaults(file, root, functions, callers);
                    }
                    else
                    {
                        ReadTemplate(file, root, functions, versions, callers);
                    }
                }
            }

            if (files.Count == 0)
            {
                return None;
            }

            return new DeploymentModel(files.ToImmutable(), functions.ToImmutable(), versions.ToImmutable(), callers.ToImmutable());
        }

        private static void ReadToolsDefaults(TemplateFile file, TemplateMapping root, ImmutableArray<DeployedFunction>.Builder functions, ImmutableArray<FunctionCaller>.Builder callers)
        {
            if (root.Find(DeployedFunction.ToolsHandlerKey) == null)
            {
                return;
            }

            var name = TemplateIntrinsics.LiteralText(root["function-name"]) ?? file.Name;
            var function = new DeployedFunction(file, FunctionKind.ToolsDefaults, name, resource: null, root, globals: null);
            if (function.Handler == null)
            {
                return;
            }

            functions.Add(function);
            if (root.Find("function-url-enable") is TemplateEntry url && url.Value is TemplateScalar enabled && enabled.IsTrue)
            {
                callers.Add(new FunctionCaller(function, CallerKind.ToolsFunctionUrl, "the function URL that dotnet lambda deploy-function creates", url.Key, qualified: false));
            }
        }

        private static void ReadTemplate(
            TemplateFile file,
            TemplateMapping root,
            ImmutableArray<DeployedFunction>.Builder functions,
            ImmutableArray<FunctionVersion>.Builder versions,
            ImmutableArray<FunctionCaller>.Builder callers)
        {
            if (!(root["Resources"] is TemplateMapping resources))
            {
                return;
            }

            var globals = (root["Globals"] as TemplateMapping)?["Function"] as TemplateMapping;
            var byName = new Dictionary<string, DeployedFunction>(StringComparer.Ordinal);
            foreach (var resource in resources.Entries)
            {
                if (!(resource.Value is TemplateMapping definition))
                {
                    continue;
                }

                var type = TemplateIntrinsics.LiteralText(definition["Type"]);
                var kind = type == "AWS::Serverless::Function" ? FunctionKind.Serverless
                    : type == "AWS::Lambda::Function" ? FunctionKind.Lambda
                    : (FunctionKind?)null;
                if (kind == null)
                {
                    continue;
                }

                var function = new DeployedFunction(file, kind.Value, resource.Name, resource, definition["Properties"] as TemplateMapping, globals);
                byName[resource.Name] = function;
                if (function.Handler != null)
                {
                    functions.Add(function);
                }
            }

            if (byName.Count == 0)
            {
                return;
            }

            foreach (var resource in resources.Entries)
            {
                if (!(resource.Value is TemplateMapping definition) || !(TemplateIntrinsics.LiteralText(definition["Type"]) is string type))
                {
                    continue;
                }

                var properties = definition["Properties"] as TemplateMapping;
                if (properties == null)
                {
                    continue;
                }

                if (type == "AWS::Lambda::Version" || type == "AWS::Lambda::Alias")
                {
                    if (properties["FunctionName"] is TemplateNode functionName)
                    {
                        foreach (var reference in FunctionReferences.Find(functionName, byName))
                        {
                            versions.Add(new FunctionVersion(resource, type == "AWS::Lambda::Alias", reference.Function, properties));
                            break;
                        }
                    }

                    continue;
                }

                foreach (var (callerType, property) in CallerProperties)
                {
                    if (!(callerType == type || (callerType == "AWS::CloudFormation::CustomResource" && type.StartsWith("Custom::", StringComparison.Ordinal)))
                        || !(properties[property] is TemplateNode value))
                    {
                        continue;
                    }

                    // A function URL with a Qualifier points at that version or alias.
                    var qualifiedByResource = type == "AWS::Lambda::Url" && properties.Find("Qualifier") != null;
                    foreach (var reference in FunctionReferences.Find(value, byName))
                    {
                        var caller = type + " '" + resource.Name + "'";
                        callers.Add(new FunctionCaller(reference.Function, CallerKind.Resource, caller, reference.Node, reference.Qualified || qualifiedByResource));
                    }
                }
            }

            // SAM wires a function's events and its URL to the alias when it has AutoPublishAlias, else to the function.
            foreach (var function in byName.Values)
            {
                if (function.Kind != FunctionKind.Serverless)
                {
                    continue;
                }

                var viaAlias = function.HasAutoPublishAlias;
                if (function.Properties?["Events"] is TemplateMapping events)
                {
                    foreach (var sourceEvent in events.Entries)
                    {
                        callers.Add(new FunctionCaller(function, CallerKind.SamEvent, "event '" + sourceEvent.Name + "'", sourceEvent.Key, viaAlias));
                    }
                }

                if (function.Property("FunctionUrlConfig") is TemplateEntry url)
                {
                    callers.Add(new FunctionCaller(function, CallerKind.SamFunctionUrl, "the function URL of FunctionUrlConfig", url.Key, viaAlias));
                }
            }
        }
    }
}
