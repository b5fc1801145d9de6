using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Configuration.ConfiguredVerifier;

namespace SnapSafe.Analyzers.Tests.Configuration
{
    public class ConfigurationTests
    {
        private const string Flagged = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
    public string Handler(string input, ILambdaContext context) => input;
}";

        private const string Silent = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = Guid.NewGuid();
    public string Handler(string input, ILambdaContext context) => input;
}";

        [Fact]
        public Task SnapStartDisabled_SilencesEveryRule() => VerifyCS.VerifyClassLibraryAsync(Silent, "snapsafe.snapstart = disabled");

        [Fact]
        public Task SnapStartEnabled_Reports() => VerifyCS.VerifyClassLibraryAsync(Flagged, "snapsafe.snapstart = enabled");

        [Fact]
        public Task SeverityNone_SilencesOneRule() => VerifyCS.VerifyClassLibraryAsync(Silent, "dotnet_diagnostic.SNAP002.severity = none");

        // dotnet_analyzer_diagnostic.category-SnapStart.severity is applied by the compiler host (dotnet build, the
        // IDE), not by the in-memory test workspace: EndToEnd/PackageEndToEndTests checks it in a real build.

        [Fact]
        public Task HandlerTypes_MakeAClassAHandlerWithoutILambdaContext() => VerifyCS.VerifyClassLibraryAsync(@"
using System;

namespace Orders
{
    public class Processor
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Process(string input) => input + _id;
    }

    public class NotConfigured
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Process(string input) => input + _id;
    }
}", "snapsafe.handler_types = Orders.Processor");

        [Fact]
        public Task UniqueValueMethods_AddApisToSnap002() => VerifyCS.VerifyClassLibraryAsync(@"
using Amazon.Lambda.Core;

namespace MyCo
{
    public static class Ids { public static string Next(string prefix) => prefix + System.Environment.CurrentManagedThreadId; }

    public class Function
    {
        private readonly string _id = {|SNAP002:Ids.Next(""fn"")|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}", "snapsafe.unique_value_methods = M:MyCo.Ids.Next(System.String)");

        [Fact]
        public Task SecretAndConnectionMethods_AddApisToSnap020AndSnap010() => VerifyCS.VerifyClassLibraryAsync(@"
using Amazon.Lambda.Core;

namespace MyCo
{
    public sealed class Channel { }
    public static class Vault { public static string Read(string name) => name; }
    public static class Broker { public static Channel Connect(string url) => new Channel(); }

    public class Function
    {
        private readonly string _password = {|SNAP020:Vault.Read(""db"")|};
        private readonly Channel _channel = {|SNAP010:Broker.Connect(""amqp://broker"")|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}", "snapsafe.secret_methods = M:MyCo.Vault.Read(System.String)\nsnapsafe.connection_methods = M:MyCo.Broker.Connect(System.String)");

        [Fact]
        public Task InvalidValues_AreReportedByKeyAndValue() => VerifyCS.VerifyClassLibraryAsync(
            Flagged,
            "snapsafe.snapstart = sometimes\nsnapsafe.unique_value_methods = MyCo.Ids.Next\nsnapsafe.handler_typo = Orders.Function",
            VerifyCS.Diagnostic("SNAP900").WithArguments("snapsafe.snapstart", "sometimes", "expected auto, enabled or disabled; auto applies"),
            VerifyCS.Diagnostic("SNAP900").WithArguments("snapsafe.unique_value_methods", "MyCo.Ids.Next", "expected a documentation-comment ID such as M:MyCo.Vault.Read(System.String); this entry is ignored"),
            VerifyCS.Diagnostic("SNAP900").WithArguments("snapsafe.handler_typo", "Orders.Function", "unknown key; the keys are snapsafe.handler_types, snapsafe.snapstart, snapsafe.unique_value_methods, snapsafe.sensitive_types, snapsafe.secret_methods, snapsafe.connection_methods"));
    }
}
