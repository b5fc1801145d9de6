using System;

namespace Amazon.Lambda.Core
{
    /// <summary>Log levels available to the Lambda logger.</summary>
    public enum LogLevel
    {
        /// <summary>Trace level logging.</summary>
        Trace = 0,

        /// <summary>Debug level logging.</summary>
        Debug = 1,

        /// <summary>Information level logging.</summary>
        Information = 2,

        /// <summary>Warning level logging.</summary>
        Warning = 3,

        /// <summary>Error level logging.</summary>
        Error = 4,

        /// <summary>Critical level logging.</summary>
        Critical = 5,
    }

    /// <summary>Lambda runtime logger.</summary>
    public interface ILambdaLogger
    {
        /// <summary>Logs a message to AWS CloudWatch Logs.</summary>
        void Log(string message);

        /// <summary>Logs a message, followed by the current line terminator, to AWS CloudWatch Logs.</summary>
        void LogLine(string message);

#if NET6_0_OR_GREATER
        /// <summary>Log message categorized by the given log level.</summary>
        void Log(string level, string message) => LogLine(message);

        /// <summary>Log message categorized by the given log level.</summary>
        void Log(LogLevel level, string message) => Log(level.ToString(), message);

        /// <summary>Log trace message.</summary>
        void LogTrace(string message) => Log(LogLevel.Trace.ToString(), message);

        /// <summary>Log debug message.</summary>
        void LogDebug(string message) => Log(LogLevel.Debug.ToString(), message);

        /// <summary>Log information message.</summary>
        void LogInformation(string message) => Log(LogLevel.Information.ToString(), message);

        /// <summary>Log warning message.</summary>
        void LogWarning(string message) => Log(LogLevel.Warning.ToString(), message);

        /// <summary>Log error message.</summary>
        void LogError(string message) => Log(LogLevel.Error.ToString(), message);

        /// <summary>Log critical message.</summary>
        void LogCritical(string message) => Log(LogLevel.Critical.ToString(), message);

        /// <summary>Log message with message template parameters.</summary>
        void Log(string level, string message, params object[] args) => Log(level, message);

        /// <summary>Log message with an exception and message template parameters.</summary>
        void Log(string level, Exception exception, string message, params object[] args) => Log(level, message + Environment.NewLine + exception);

        /// <summary>Log message with message template parameters.</summary>
        void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

        /// <summary>Log message with an exception and message template parameters.</summary>
        void Log(LogLevel level, Exception exception, string message, params object[] args) => Log(level.ToString(), exception, message, args);

        /// <summary>Log information message with message template parameters.</summary>
        void LogInformation(string message, params object[] args) => Log(LogLevel.Information.ToString(), message, args);

        /// <summary>Log warning message with message template parameters.</summary>
        void LogWarning(string message, params object[] args) => Log(LogLevel.Warning.ToString(), message, args);

        /// <summary>Log error message with message template parameters.</summary>
        void LogError(string message, params object[] args) => Log(LogLevel.Error.ToString(), message, args);

        /// <summary>Log error message with an exception and message template parameters.</summary>
        void LogError(Exception exception, string message, params object[] args) => Log(LogLevel.Error.ToString(), exception, message, args);
#endif
    }
}
