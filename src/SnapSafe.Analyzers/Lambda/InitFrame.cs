using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>What kind of init code a body is: decides where its hook goes and whether the fix can move it.</summary>
    internal enum InitRootKind
    {
        /// <summary>An instance constructor or instance field/property initializer.</summary>
        Instance,

        /// <summary>A static constructor or static field/property initializer.</summary>
        Static,

        /// <summary>The program's entry point (top-level statements or <c>Main</c>) before the runtime starts.</summary>
        EntryPoint,

        /// <summary>A method called from init code.</summary>
        Helper,
    }

    /// <summary>How one body is being run during init.</summary>
    internal sealed class InitFrame
    {
        public InitFrame(InitRootKind kind, bool thisKept, SyntaxNode? anchor, bool anchorFixable, ImmutableDictionary<IParameterSymbol, IOperation> arguments, SyntaxNode? runStatement, int depth, INamedTypeSymbol? ownerType, ISymbol? origin, ImmutableArray<int> sequence = default, PrimingSource? priming = null)
        {
            Sequence = sequence;
            Priming = priming;
            Origin = origin;
            Kind = kind;
            ThisKept = thisKept;
            Anchor = anchor;
            AnchorFixable = anchorFixable;
            Arguments = arguments;
            RunStatement = runStatement;
            Depth = depth;
            OwnerType = ownerType;
        }

        public InitRootKind Kind { get; }

        /// <summary>True when <c>this</c> is an object kept from init (the handler, objects it keeps).</summary>
        public bool ThisKept { get; }

        /// <summary>
        /// Where findings in this body are reported instead of in place: the call (or creation) in init code of a
        /// helper that also runs per invocation.
        /// </summary>
        public SyntaxNode? Anchor { get; }

        /// <summary>True when the anchor is a whole statement in a body that can host the after-restore hook.</summary>
        public bool AnchorFixable { get; }

        /// <summary>Arguments of the call that runs this body, by parameter (for values and hooks passed in).</summary>
        public ImmutableDictionary<IParameterSymbol, IOperation> Arguments { get; }

        /// <summary>For the entry point: the statement that starts the Lambda runtime; code from there on is not init.</summary>
        public SyntaxNode? RunStatement { get; }

        public int RunStart => RunStatement?.SpanStart ?? int.MaxValue;

        public int Depth { get; }

        /// <summary>The type whose constructor, initializer or method this body is.</summary>
        public INamedTypeSymbol? OwnerType { get; }

        /// <summary>
        /// The handler type (or entry point) whose init runs this body; null when shared by every function
        /// (a <c>[LambdaStartup]</c> class). Templates can switch SnapStart off per origin.
        /// </summary>
        public ISymbol? Origin { get; }

        /// <summary>
        /// Where this run of the body sits in the order init executes: the position of the root among the roots, then
        /// the positions of the calls (or creations) that led here. Compared element by element, it orders what
        /// different bodies do (hook registrations) as init does. Default until the walk enqueues the frame.
        /// </summary>
        public ImmutableArray<int> Sequence { get; }

        /// <summary>The same frame at a position in the execution order.</summary>
        public InitFrame WithSequence(ImmutableArray<int> sequence)
            => new InitFrame(Kind, ThisKept, Anchor, AnchorFixable, Arguments, RunStatement, Depth, OwnerType, Origin, sequence, Priming);

        /// <summary>
        /// Set when the body runs before the snapshot because of priming (a before-snapshot hook, a warm-up request)
        /// rather than as init code proper: its state is kept the same way, and findings name the priming.
        /// </summary>
        public PrimingSource? Priming { get; }

        /// <summary>The position of something at <paramref name="position"/> in this body (a call, a creation, a registration).</summary>
        public ImmutableArray<int> SequenceAt(int position) => (Sequence.IsDefault ? ImmutableArray<int>.Empty : Sequence).Add(position);

        public static readonly ImmutableDictionary<IParameterSymbol, IOperation> NoArguments =
            ImmutableDictionary.Create<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
    }
}
