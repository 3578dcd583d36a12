"""The desktop app. PySide6 is imported first here, then taught to check later imports
cheaply (``ui.qt_imports``): every module imported after it would otherwise have its whole
source read and kept in memory."""

from ui.qt_imports import speed_up_feature_check

speed_up_feature_check()
