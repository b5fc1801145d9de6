using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers
{
    /// <summary>How a kept value entered kept state at the diagnostic location (what the fix re-reads there).</summary>
    internal enum StoreKind
    {
        /// <summary>No store (the hook rules, or a finding that is not about a stored value).</summary>
        None,

        /// <summary>Field or property initializer; the diagnostic spans the initializer value.</summary>
        Initializer,

        /// <summary>Assignment <c>member = value</c> (or one element of a deconstruction); the diagnostic spans the assigned value.</summary>
        Assignment,

        /// <summary>Local declaration <c>var x = value</c>; the diagnostic spans the initializer value.</summary>
        Declaration,

        /// <summary>
        /// A call that starts, opens or fills a kept object (<c>Start()</c>, <c>Open()</c>, <c>Fill(buffer)</c>), or the call
        /// of a helper that stores a hazard and also runs per invocation; the diagnostic spans the invocation.
        /// </summary>
        StartCall,

        /// <summary>An instance handed to a container that keeps it (<c>AddSingleton(instance)</c>); the diagnostic spans the instance.</summary>
        ContainerInstance,

        /// <summary>A value put into a kept collection (<c>_cache[key] = value</c>, <c>_list.Add(value)</c>); the diagnostic spans the value.</summary>
        CollectionElement,

        /// <summary>An argument of a primary constructor whose parameter the object keeps; the diagnostic spans the argument.</summary>
        ConstructorArgument,

        /// <summary>
        /// SNAP025: a configuration source added to a builder whose root init keeps; the diagnostic spans the <c>Add*</c>
        /// call and the hook reloads the root (<see cref="FixRequest.Member"/> names the member, or the builder local
        /// whose <c>Configuration</c> is the root).
        /// </summary>
        Reload,
    }

    /// <summary>What the kept member is.</summary>
    internal enum MemberKind
    {
        None,
        Field,
        Property,
        Local,
    }

    /// <summary>
    /// Where init code runs, as the fixes name it: the one vocabulary for the places a hook registration can be made
    /// during init. The analyzer maps the init root that ran the code to a host once (<see cref="FixContract.HostOf"/>);
    /// the fix finds the syntax of that host. A new place that runs once during init (a startup class) is one more entry.
    /// </summary>
    internal enum HookHost
    {
        /// <summary>No init code can host the hook.</summary>
        None,

        /// <summary>An instance constructor of the type whose constructor or initializer ran the code.</summary>
        Constructor,

        /// <summary>The static constructor of the type whose static constructor or initializer ran the code.</summary>
        StaticConstructor,

        /// <summary>
        /// The entry point's statements (top-level statements or <c>Main</c>): before the statement that starts the Lambda
        /// runtime (<c>RunAsync</c>, <c>app.Run</c>); that statement is the diagnostic's first additional location.
        /// </summary>
        EntryPoint,

        /// <summary>
        /// A method that runs once during init: a setup method the programming model calls (<c>ConfigureServices</c> of
        /// a <c>[LambdaStartup]</c> class) or a method init code calls (<c>Configure()</c>, <c>InitAsync()</c>). The fix
        /// hosts the hook there, or where init calls it.
        /// </summary>
        InitMethod,
    }

    /// <summary>
    /// The one contract between the analyzer and the fixes: what was kept, how it was stored, where init ran it and
    /// where the hazard came from, written on <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> by the
    /// analyzer (<see cref="KeptStateFindings"/> for the state rules, the hook rules' own files) and read by the fixes.
    /// The analyzer says <em>where</em>; whether a fix exists is decided by the fix alone.
    /// </summary>
    internal sealed class FixRequest
    {
        private const string MemberKey = "SnapSafe.Member";
        private const string MemberKindKey = "SnapSafe.MemberKind";
        private const string IsStaticKey = "SnapSafe.IsStatic";
        private const string StoreKey = "SnapSafe.Store";
        private const string HostKey = "SnapSafe.Host";
        private const string SourceKey = "SnapSafe.Source";
        private const string FromCallerKey = "SnapSafe.FromCaller";
        private const string HostPerInvocationKey = "SnapSafe.HostPerInvocation";
        private const string RuntimeStartKey = "SnapSafe.RuntimeStart";
        private const string RestoreKey = "SnapSafe.Restore";
        private const string ReopenMethodKey = "SnapSafe.ReopenMethod";
        private const string HookIsMethodKey = "SnapSafe.HookIsMethod";
        private const string PoolClearKey = "SnapSafe.PoolClear";
        private const string PoolDataSourceKey = "SnapSafe.PoolDataSource";
        private const string RuleFixAppliesKey = "SnapSafe.RuleFixApplies";
        private const string PrimedKey = "SnapSafe.Primed";

        /// <summary>Name of the kept field, property or captured local (for example <c>_random</c>).</summary>
        public string? Member { get; set; }

        public MemberKind MemberKind { get; set; }

        public bool IsStatic { get; set; }

        public StoreKind Store { get; set; }

        public HookHost Host { get; set; }

        /// <summary>Where the hazard comes from (the <c>new Random()</c>, the secret fetch), when it is in the diagnostic's file.</summary>
        public TextSpan? Source { get; set; }

        /// <summary>
        /// The value reaches the store through a parameter that the caller bound to the hazard (a chained constructor's
        /// argument): repeating the store would repeat the caller's value.
        /// </summary>
        public bool FromCaller { get; set; }

        /// <summary>The host's type is also constructed per invocation: a hook registered in its constructor would never run.</summary>
        public bool HostRunsPerInvocation { get; set; }

        /// <summary>For <see cref="HookHost.EntryPoint"/>: the statement that starts the runtime, when it is in the diagnostic's file.</summary>
        public TextSpan? RuntimeStart { get; set; }

        /// <summary>SNAP041: "Recreate" (repeat the member's initialization, the additional location) or "Reopen" (call the open method).</summary>
        public string? Restore { get; set; }

        /// <summary>SNAP041 with <see cref="Restore"/> "Reopen": the method that re-opens the member (<c>Open</c>, <c>OpenAsync</c>).</summary>
        public string? ReopenMethod { get; set; }

        /// <summary>SNAP042: the hook is a method group (the method is made async) rather than a lambda.</summary>
        public bool HookIsMethod { get; set; }

        /// <summary>SNAP011: the static call that clears the provider's pools (<c>global::Npgsql.NpgsqlConnection.ClearAllPools()</c>).</summary>
        public string? PoolClear { get; set; }

        /// <summary>SNAP011 for a connection a data source opened: the field, property or local that holds the data source.</summary>
        public string? PoolDataSource { get; set; }

        /// <summary>
        /// For a rule whose fix rewrites one shape of its own (SNAP045, SNAP046, SNAP047): the rule found that shape
        /// (the registrations in one block, a literal path, a host the fix can rewrite). Without it that fix declines.
        /// </summary>
        public bool RuleFixApplies { get; set; }

        /// <summary>
        /// State left by priming: the store is in handler code that a before-snapshot hook or a warm-up request ran;
        /// <see cref="Host"/> is where the priming is registered (init code), and the diagnostic's first additional
        /// location is the priming call. The hook repeats the store there.
        /// </summary>
        public bool Primed { get; set; }

        public ImmutableDictionary<string, string?> ToProperties()
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            Add(properties, MemberKey, Member);
            if (MemberKind != MemberKind.None)
            {
                properties[MemberKindKey] = MemberKind.ToString();
                properties[IsStaticKey] = IsStatic ? "true" : "false";
            }

            if (Store != StoreKind.None)
            {
                properties[StoreKey] = Store.ToString();
            }

            if (Host != HookHost.None)
            {
                properties[HostKey] = Host.ToString();
            }

            AddSpan(properties, SourceKey, Source);
            AddSpan(properties, RuntimeStartKey, RuntimeStart);

            AddFlag(properties, FromCallerKey, FromCaller);
            AddFlag(properties, HostPerInvocationKey, HostRunsPerInvocation);
            Add(properties, RestoreKey, Restore);
            Add(properties, ReopenMethodKey, ReopenMethod);
            AddFlag(properties, HookIsMethodKey, HookIsMethod);
            Add(properties, PoolClearKey, PoolClear);
            Add(properties, PoolDataSourceKey, PoolDataSource);
            AddFlag(properties, RuleFixAppliesKey, RuleFixApplies);
            AddFlag(properties, PrimedKey, Primed);
            return properties.ToImmutable();
        }

        public static FixRequest Read(ImmutableDictionary<string, string?> properties)
            => new FixRequest
            {
                Member = Get(properties, MemberKey),
                MemberKind = Parse(Get(properties, MemberKindKey), MemberKind.None),
                IsStatic = Get(properties, IsStaticKey) == "true",
                Store = Parse(Get(properties, StoreKey), StoreKind.None),
                Host = Parse(Get(properties, HostKey), HookHost.None),
                Source = ParseSpan(Get(properties, SourceKey)),
                RuntimeStart = ParseSpan(Get(properties, RuntimeStartKey)),
                FromCaller = Get(properties, FromCallerKey) == "true",
                HostRunsPerInvocation = Get(properties, HostPerInvocationKey) == "true",
                Restore = Get(properties, RestoreKey),
                ReopenMethod = Get(properties, ReopenMethodKey),
                HookIsMethod = Get(properties, HookIsMethodKey) == "true",
                PoolClear = Get(properties, PoolClearKey),
                PoolDataSource = Get(properties, PoolDataSourceKey),
                RuleFixApplies = Get(properties, RuleFixAppliesKey) == "true",
                Primed = Get(properties, PrimedKey) == "true",
            };

        private static void Add(ImmutableDictionary<string, string?>.Builder properties, string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties[key] = value;
            }
        }

        private static void AddSpan(ImmutableDictionary<string, string?>.Builder properties, string key, TextSpan? span)
        {
            if (span is { } value)
            {
                properties[key] = value.Start.ToString(CultureInfo.InvariantCulture) + ":" + value.Length.ToString(CultureInfo.InvariantCulture);
            }
        }

        private static void AddFlag(ImmutableDictionary<string, string?>.Builder properties, string key, bool value)
        {
            if (value)
            {
                properties[key] = "true";
            }
        }

        private static string? Get(ImmutableDictionary<string, string?> properties, string key)
            => properties.TryGetValue(key, out var value) ? value : null;

        private static TEnum Parse<TEnum>(string? text, TEnum fallback)
            where TEnum : struct
            => text != null && Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) ? value : fallback;

        private static TextSpan? ParseSpan(string? text)
        {
            var colon = text?.IndexOf(':') ?? -1;
            if (text == null || colon <= 0
                || !int.TryParse(text.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return null;
            }

            return new TextSpan(start, length);
        }
    }

    /// <summary>The analyzer's side of the contract: the one mapping from the model's init roots to hook hosts.</summary>
    internal static class FixContract
    {
        /// <summary>Where a hook for code that <paramref name="kind"/> ran can be registered.</summary>
        public static HookHost HostOf(InitRootKind kind) => kind switch
        {
            InitRootKind.Instance => HookHost.Constructor,
            InitRootKind.Static => HookHost.StaticConstructor,
            InitRootKind.EntryPoint => HookHost.EntryPoint,
            InitRootKind.Helper => HookHost.InitMethod,
            _ => HookHost.None,
        };
    }
}
